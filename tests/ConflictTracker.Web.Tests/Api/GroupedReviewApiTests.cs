using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ConflictTracker.Web.Features.DemoData;
using ConflictTracker.Web.Security;

namespace ConflictTracker.Web.Tests.Api;

/// <summary>
/// <c>POST /api/v1/candidates/groups/{denialClaimId}/decision</c> on the demo data: the role first,
/// each pair's version checked (412, nothing saved), If-Match refused, the ticked pairs decided.
/// </summary>
public class GroupedReviewApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static readonly Guid Peskov = DemoIds.For("claim", "peskov-fake-news");
    private static readonly Guid Nis = DemoIds.For("claim", "nis-1500-vladivostok");
    private static readonly string Decision = $"/api/v1/candidates/groups/{Peskov}/decision";

    private static async Task<List<JsonElement>> PeskovsPairsAsync(HttpClient client)
    {
        using var list = await client.GetAsync("/api/v1/candidates?state=Open");
        return (await list.JsonAsync())
            .EnumerateArray()
            .Where(c =>
                c.GetProperty("rule").GetString() == "OpposedStances"
                && (
                    c.GetProperty("firstClaimId").GetGuid() == Peskov
                    || c.GetProperty("secondClaimId").GetGuid() == Peskov
                )
            )
            .ToList();
    }

    private static object Member(JsonElement c, uint? version = null) =>
        new { id = c.GetProperty("id").GetGuid(), version = version ?? c.GetProperty("version").GetUInt32() };

    [Fact]
    public async Task AReviewerDismissesTheTickedPairsOfPeskovsDenialAndAStalePairSavesNothing()
    {
        var reviewer = await fixture.ClientAsync(Roles.Reviewer);
        var pairs = await PeskovsPairsAsync(reviewer);
        pairs.Should().HaveCount(11);
        var ticked = pairs
            .Where(c =>
                c.GetProperty("firstClaimId").GetGuid() != Nis && c.GetProperty("secondClaimId").GetGuid() != Nis
            )
            .ToList();
        ticked.Should().HaveCount(10);

        // The role first: an editor is refused whatever the header.
        var editor = await fixture.ClientAsync(Roles.Editor);
        using (
            var asEditor = new HttpRequestMessage(HttpMethod.Post, Decision)
            {
                Content = JsonContent.Create(
                    new
                    {
                        decision = "Dismissed",
                        candidates = ticked.Select(c => Member(c)),
                        note = "x",
                    }
                ),
            }
        )
        {
            asEditor.Headers.TryAddWithoutValidation("If-Match", "garbage");
            (await editor.SendAsync(asEditor)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        }

        // A group has no one version: If-Match is refused, naming it.
        using (
            var withIfMatch = new HttpRequestMessage(HttpMethod.Post, Decision)
            {
                Content = JsonContent.Create(
                    new
                    {
                        decision = "Dismissed",
                        candidates = ticked.Select(c => Member(c)),
                        note = "x",
                    }
                ),
                Headers = { { "If-Match", "\"1\"" } },
            }
        )
        {
            using var refused = await reviewer.SendAsync(withIfMatch);
            refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            (await refused.JsonAsync()).GetProperty("errors").TryGetProperty("If-Match", out _).Should().BeTrue();
        }

        // One pair's version is not the current one: 412, nothing saved.
        var stale = ticked
            .Select((c, i) => i == 3 ? Member(c, c.GetProperty("version").GetUInt32() + 1) : Member(c))
            .ToList();
        using (
            var staleResponse = await reviewer.PostAsJsonAsync(
                Decision,
                new
                {
                    decision = "Dismissed",
                    candidates = stale,
                    note = "Stale.",
                },
                ApiFixture.Json
            )
        )
        {
            staleResponse.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
            staleResponse.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        }

        (await PeskovsPairsAsync(reviewer)).Should().HaveCount(11, "nothing was saved");

        using var dismissed = await reviewer.PostAsJsonAsync(
            Decision,
            new
            {
                decision = "Dismissed",
                candidates = ticked.Select(c => Member(c)),
                note = "A general denial.",
            },
            ApiFixture.Json
        );
        dismissed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await dismissed.JsonAsync()).GetProperty("relations").GetArrayLength().Should().Be(0);

        var open = await PeskovsPairsAsync(reviewer);
        open.Should()
            .ContainSingle()
            .Which.GetProperty("id")
            .GetGuid()
            .Should()
            .Be(pairs.Single(c => !ticked.Contains(c)).GetProperty("id").GetGuid());
        using var list = await reviewer.GetAsync("/api/v1/candidates?state=Dismissed");
        (await list.JsonAsync())
            .EnumerateArray()
            .Where(c => c.GetProperty("decisionNote").GetString() == "A general denial.")
            .Should()
            .HaveCount(10);
    }
}
