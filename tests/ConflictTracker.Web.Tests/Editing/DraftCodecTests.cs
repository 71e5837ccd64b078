using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using ConflictTracker.Domain.Actors;
using ConflictTracker.Web.Components.Pages.Editing;
using ConflictTracker.Web.Features.Actors;
using ConflictTracker.Web.Features.Claims;
using ConflictTracker.Web.Features.Lookups;
using Microsoft.AspNetCore.DataProtection;

namespace ConflictTracker.Web.Tests.Editing;

/// <summary>Drafts kept in the browser: sealed per user, form and record, and opened intact.</summary>
public class DraftCodecTests
{
    private static readonly IDataProtectionProvider Keys = new EphemeralDataProtectionProvider();

    [Fact]
    public void AStatementDraftWithLongKoreanTextOpensAsItWasKeptAndCannotBeReadInTheBrowser()
    {
        var form = new StatementForm
        {
            Summary = "Nearly 1,500 soldiers ferried to Vladivostok",
            QuoteText = string.Concat(Enumerable.Repeat("북한군 약 1,500명 ", 700)),
            Places = [new LookupItem(Guid.NewGuid(), "Vladivostok")],
        };
        var key = DraftCodec.Key("user-1", "statement", Guid.NewGuid());
        var kept = new StoredDraft<StatementDraft>(
            new StatementDraft(form, 42, new StatementInput { Summary = "As loaded" }),
            DateTimeOffset.UnixEpoch
        );

        var payload = DraftCodec.Seal(Keys, key, kept);
        var opened = DraftCodec.Open<StatementDraft>(Keys, key, payload)!;

        Encoding
            .UTF8.GetString(Base64Url.DecodeFromChars(payload))
            .Should()
            .NotContain("Vladivostok", "the draft is encrypted");
        opened.SavedAt.Should().Be(DateTimeOffset.UnixEpoch);
        opened.Value.Version.Should().Be(42);
        opened.Value.Loaded!.Summary.Should().Be("As loaded");
        DraftCodec.Fingerprint(opened.Value.Form).Should().Be(DraftCodec.Fingerprint(form));
    }

    [Fact]
    public void ADraftOpensOnlyUnderTheKeyOfItsUserFormAndRecord()
    {
        var mine = DraftCodec.Key("user-1", "actor", null);
        var payload = DraftCodec.Seal(
            Keys,
            mine,
            new StoredDraft<RecordDraft<ActorInput>>(
                new(new ActorInput("Kim Yong-hyun", ActorKind.Person, "KR", null, null), 0, null),
                DateTimeOffset.UnixEpoch
            )
        );

        DraftCodec.Open<RecordDraft<ActorInput>>(Keys, mine, payload)!.Value.Values.Name.Should().Be("Kim Yong-hyun");
        foreach (
            var other in new[]
            {
                DraftCodec.Key("user-2", "actor", null),
                DraftCodec.Key("user-1", "source", null),
                DraftCodec.Key("user-1", "actor", Guid.NewGuid()),
            }
        )
        {
            FluentActions
                .Invoking(() => DraftCodec.Open<RecordDraft<ActorInput>>(Keys, other, payload))
                .Should()
                .Throw<CryptographicException>(other);
        }
    }
}
