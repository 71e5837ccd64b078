using System.Security.Cryptography;
using System.Text;
using ConflictTracker.Domain.Common;

namespace ConflictTracker.Domain.Sources;

/// <summary>
/// The text of a source as it was taken in: normalised once, hashed (SHA-256 of its UTF-8 bytes) and
/// never changed afterwards; a corrected text is a new snapshot and both are kept. Quotes of claims
/// citing the source are checked against it (docs/intake.md).
/// </summary>
public sealed class SourceSnapshot : Entity
{
    /// <summary>The longest snapshot text, in characters.</summary>
    public const int MaxText = 1_000_000;

    private SourceSnapshot(
        Guid id,
        Guid sourceId,
        string text,
        string sha256,
        string format,
        DateTimeOffset capturedAt,
        string capturedBy
    )
        : base(id)
    {
        SourceId = sourceId;
        Text = text;
        Sha256 = sha256;
        Format = format;
        CapturedAt = capturedAt;
        CapturedBy = capturedBy;
    }

    public Guid SourceId { get; private set; }

    public string Text { get; private set; }

    /// <summary>SHA-256 of <see cref="Text"/>'s UTF-8 bytes, lower-case hex.</summary>
    public string Sha256 { get; private set; }

    /// <summary>What it was read from: Text, Html or Pdf.</summary>
    public string Format { get; private set; }

    /// <summary>The address it was read from, when there was one.</summary>
    public Uri? Url { get; private set; }

    public DateTimeOffset CapturedAt { get; private set; }

    public string CapturedBy { get; private set; }

    public static SourceSnapshot Create(
        Source source,
        string? text,
        string format,
        Uri? url,
        string capturedBy,
        DateTimeOffset capturedAt,
        Guid id = default
    )
    {
        ArgumentNullException.ThrowIfNull(source);
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(nameof(Text), "A snapshot needs the article's text.");
        }
        else if (text.Length > MaxText)
        {
            errors.Add(
                nameof(Text),
                $"A snapshot holds at most {MaxText:N0} characters; this text has {text.Length:N0}."
            );
        }

        errors.ThrowIfAny();
        return new SourceSnapshot(id, source.Id, text!, HashOf(text!), format, capturedAt, capturedBy) { Url = url };
    }

    public static string HashOf(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
