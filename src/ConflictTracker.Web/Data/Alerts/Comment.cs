using ConflictTracker.Domain.Common;

namespace ConflictTracker.Web.Data.Alerts;

/// <summary>What a comment is about.</summary>
public enum CommentSubject
{
    Claim,
    Relation,
    Flag,
}

/// <summary>
/// A comment on a claim, a relation or a flag. Never deleted; its author may edit the text, and every version stays
/// in the change history. Mentions (<c>@name</c>) are resolved when it is saved and notify the people named.
/// </summary>
public sealed class Comment : Entity
{
    public const int MaxTextLength = 2000;

    private Comment(Guid id, CommentSubject subject, Guid subjectId, Guid authorId, string text, DateTimeOffset at)
        : base(id)
    {
        Subject = subject;
        SubjectId = subjectId;
        AuthorId = authorId;
        Text = text;
        CreatedAt = at;
    }

    private Comment() { }

    public CommentSubject Subject { get; private set; }

    public Guid SubjectId { get; private set; }

    public Guid AuthorId { get; private set; }

    public string Text { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? EditedAt { get; private set; }

    public uint Version { get; private set; }

    public static Comment Create(
        CommentSubject subject,
        Guid subjectId,
        Guid authorId,
        string? text,
        DateTimeOffset at
    ) => new(Guid.Empty, subject, subjectId, authorId, CheckText(text), at);

    public void Edit(string? text, DateTimeOffset at)
    {
        Text = CheckText(text);
        EditedAt = at;
    }

    private static string CheckText(string? text)
    {
        var errors = new ValidationErrors();
        var clean = errors.Check(() => Rules.RequiredText(text, nameof(Text), MaxTextLength));
        errors.ThrowIfAny();
        return clean!;
    }
}
