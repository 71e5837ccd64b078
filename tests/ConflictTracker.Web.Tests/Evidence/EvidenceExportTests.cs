using System.Formats.Tar;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ConflictTracker.Testing;
using ConflictTracker.Web.Features.DemoData;
using ConflictTracker.Web.Security;
using ConflictTracker.Web.Tests.Api;
using CsvHelper;
using static ConflictTracker.Web.Tests.Evidence.EvidenceApiTests;

namespace ConflictTracker.Web.Tests.Evidence;

/// <summary>Evidence in the exports: the claim exports name the files behind each claim, the full export carries
/// the file records and their custody, and the full backup as a tar carries the files themselves, byte for byte,
/// into another instance.</summary>
public class EvidenceExportTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static readonly Guid Article = DemoIds.For("source", "seed-article");
    private static readonly Guid Video = DemoIds.For("source", "ccsis-video");

    private static readonly string[] EvidenceTables =
    [
        "evidence_files",
        "attachments",
        "custody_events",
        "media_fingerprints",
    ];

    [Fact]
    public async Task EachExportedClaimCarriesTheFilesHeldByTheSourcesItCites()
    {
        var editor = await fixture.ClientAsync(Roles.Editor);
        var analyst = await fixture.ClientAsync(Roles.Analyst);
        var photo = TestMedia.Photo(seed: 31);
        var cited = await fixture.Database.ScalarAsync<Guid>(
            "SELECT source_id FROM citations ORDER BY claim_id, source_id LIMIT 1"
        );
        var claim = await fixture.Database.ScalarAsync<Guid>(
            $"SELECT claim_id FROM citations WHERE source_id = '{cited}' ORDER BY claim_id LIMIT 1"
        );
        (await UploadAsync(editor, cited, photo, "=cmd.jpg")).StatusCode.Should().Be(HttpStatusCode.Created);
        using var jsonResponse = await analyst.GetAsync("/api/v1/export/claims.json");
        using var csvResponse = await analyst.GetAsync("/api/v1/export/claims.csv");

        var claims = (await jsonResponse.JsonAsync()).EnumerateArray().ToDictionary(c => c.GetProperty("id").GetGuid());
        var evidence = claims[claim].GetProperty("evidence").EnumerateArray().ToList();
        var file = evidence.Should().ContainSingle(e => e.GetProperty("sha256").GetString() == Sha256(photo)).Subject;
        file.GetProperty("size").GetInt64().Should().Be(photo.Length);
        file.GetProperty("kind").GetString().Should().Be("Image");
        file.GetProperty("contentType").GetString().Should().Be("image/jpeg");
        file.GetProperty("fileName").GetString().Should().Be("=cmd.jpg");
        file.GetProperty("sourceId").GetGuid().Should().Be(cited);
        claims[claim].TryGetProperty("evidenceSha256", out _).Should().BeFalse("the CSV's column is not in the JSON");

        using var reader = new CsvReader(
            new StringReader(await csvResponse.Content.ReadAsStringAsync()),
            CultureInfo.InvariantCulture
        );
        var rows = reader
            .GetRecords<dynamic>()
            .Cast<IDictionary<string, object>>()
            .ToDictionary(r => Guid.Parse((string)r["Id"]));
        ((string)rows[claim]["Evidence"]).Split("; ").Should().Contain(Sha256(photo));
        foreach (var (id, json) in claims)
        {
            ((string)rows[id]["Evidence"])
                .Should()
                .Be(
                    string.Join(
                        "; ",
                        json.GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("sha256"))
                    ),
                    "the CSV's column lists the JSON's files"
                );
        }
    }

    [Fact]
    public async Task TheFullExportCarriesTheFileRecordsAndTheirCustodyIntoAnEmptyInstance()
    {
        var editor = await fixture.ClientAsync(Roles.Editor);
        var admin = await fixture.ClientAsync(Roles.Admin);
        var photo = TestMedia.Photo(seed: 32);
        var video = TestMedia.Video();
        (await UploadAsync(editor, Article, photo, "p.jpg", "https://t.me/example/7")).EnsureSuccessStatusCode();
        (await UploadAsync(editor, Video, photo, "p-again.jpg")).EnsureSuccessStatusCode();
        (await UploadAsync(editor, Video, video, "v.mp4")).EnsureSuccessStatusCode();
        (await admin.GetAsync($"/api/v1/evidence/{Sha256(video)}/content")).EnsureSuccessStatusCode();
        await QuarantineAsync(admin, Sha256(photo), "A legal request");

        using var export = await admin.GetAsync("/api/v1/export/full.json");
        var exported = await export.Content.ReadAsByteArrayAsync();
        var document = JsonDocument.Parse(exported).RootElement;
        var custodyRows = Section(document, "custody_events");
        custodyRows.Select(r => r.GetProperty("id").GetInt64()).Should().BeInAscendingOrder();
        custodyRows.Select(r => r.GetProperty("action").GetString()).Should().Contain(["Downloaded", "Quarantined"]);
        var fileRow = Section(document, "evidence_files")
            .Single(r => r.GetProperty("sha256").GetString() == Sha256(photo));
        fileRow.GetProperty("status").GetString().Should().Be("Quarantined");
        fileRow.GetProperty("status_reason").GetString().Should().Be("A legal request");
        fileRow.GetProperty("metadata").GetProperty("cameraMake").GetString().Should().Be("Canon");
        Section(document, "media_fingerprints").Should().NotBeEmpty();
        Section(document, "attachments")
            .Should()
            .Contain(a => a.GetProperty("origin_url").GetString() == "https://t.me/example/7");

        await using var empty = await TestPostgres.CreateDatabaseAsync();
        await using var other = new AppFactory(empty.ConnectionString);
        using var otherAdmin = await other.TokenClientAsync(Roles.Admin);
        using var restored = await otherAdmin.PostAsync("/api/v1/import/full", Body(exported, "application/json"));

        restored.StatusCode.Should().Be(HttpStatusCode.OK, await restored.Content.ReadAsStringAsync());
        foreach (var table in EvidenceTables)
        {
            (await RowsAsync(empty, table))
                .Should()
                .Be(await RowsAsync(fixture.Database, table), $"{table} comes back as it was, ids and order included");
        }

        // The chain goes on after the restored entries; without the folder, the bytes are missing.
        using var verify = await otherAdmin.PostAsync($"/api/v1/evidence/{Sha256(video)}/verify", null);
        var custody = (await (await otherAdmin.GetAsync($"/api/v1/evidence/{Sha256(video)}")).JsonAsync())
            .GetProperty("custody")
            .EnumerateArray()
            .Select(c => c.GetProperty("action").GetString())
            .ToList();
        custody.Should().StartWith(["Added"]).And.Contain("Downloaded").And.EndWith(["Missing"]);
        (await empty.ScalarAsync<long>("SELECT max(id) FROM custody_events"))
            .Should()
            .BeGreaterThan(custodyRows.Max(r => r.GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task TheFullBackupTarCarriesTheFilesByteForByteIntoAnotherInstance()
    {
        var editor = await fixture.ClientAsync(Roles.Editor);
        var admin = await fixture.ClientAsync(Roles.Admin);
        (await editor.GetAsync("/api/v1/export/full.tar"))
            .StatusCode.Should()
            .Be(HttpStatusCode.Forbidden, "the files of the whole database are for admins");
        var photo = TestMedia.Photo(seed: 33);
        var video = TestMedia.Video();
        (await UploadAsync(editor, Article, photo, "t.jpg")).EnsureSuccessStatusCode();
        (await UploadAsync(editor, Video, video, "t.mp4")).EnsureSuccessStatusCode();

        using var response = await admin.GetAsync("/api/v1/export/full.tar");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/x-tar");
        var tar = await response.Content.ReadAsByteArrayAsync();
        var entries = ReadTar(tar);

        entries.Keys.First().Should().Be("full.json");
        foreach (var (sha, bytes) in new[] { (Sha256(photo), photo), (Sha256(video), video) })
        {
            entries[$"files/sha256/{sha[..2]}/{sha[2..4]}/{sha}"].Should().Equal(bytes);
            entries.Keys.Should().Contain($"files/previews/{sha}/0.jpg");
        }

        var files = await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM evidence_files");
        entries.Keys.Count(k => k.StartsWith("files/sha256/", StringComparison.Ordinal)).Should().Be((int)files);
        foreach (var (name, bytes) in entries.Where(e => e.Key.StartsWith("files/", StringComparison.Ordinal)))
        {
            bytes
                .Should()
                .Equal(
                    await File.ReadAllBytesAsync(Path.Combine(fixture.App.EvidenceRoot, name["files/".Length..])),
                    $"{name} is the stored blob"
                );
        }

        var downloads = await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM custody_events WHERE action = 'Downloaded' AND detail LIKE 'In a full backup%'"
        );
        downloads.Should().BeGreaterThanOrEqualTo(files, "each original's custody records that it left in a backup");

        await using var empty = await TestPostgres.CreateDatabaseAsync();
        await using var other = new AppFactory(empty.ConnectionString);
        using var otherAdmin = await other.TokenClientAsync(Roles.Admin);
        using var restored = await otherAdmin.PostAsync("/api/v1/import/full", Body(tar, "application/x-tar"));

        restored.StatusCode.Should().Be(HttpStatusCode.OK, await restored.Content.ReadAsStringAsync());
        (await restored.JsonAsync())
            .GetProperty("rows")
            .GetProperty("evidence_files")
            .GetInt32()
            .Should()
            .Be((int)files);
        foreach (var (name, bytes) in entries.Where(e => e.Key.StartsWith("files/", StringComparison.Ordinal)))
        {
            (await File.ReadAllBytesAsync(Path.Combine(other.EvidenceRoot, name["files/".Length..])))
                .Should()
                .Equal(bytes, $"{name} is stored in the other instance's folder byte for byte");
        }

        using var download = await otherAdmin.GetAsync($"/api/v1/evidence/{Sha256(video)}/content");
        (await download.Content.ReadAsByteArrayAsync()).Should().Equal(video);
        using var verify = await otherAdmin.PostAsync($"/api/v1/evidence/{Sha256(photo)}/verify", null);
        (await verify.JsonAsync()).GetProperty("result").GetString().Should().Be("Verified");

        using var again = await otherAdmin.GetAsync("/api/v1/export/full.json");
        var reexported = JsonDocument.Parse(await again.Content.ReadAsByteArrayAsync()).RootElement;
        var original = JsonDocument.Parse(entries["full.json"]).RootElement;
        foreach (var table in new[] { "evidence_files", "attachments", "media_fingerprints" })
        {
            Section(reexported, table)
                .Select(r => r.GetRawText())
                .Should()
                .Equal(Section(original, table).Select(r => r.GetRawText()), $"{table} is restored as it was");
        }

        Section(reexported, "custody_events")
            .Select(r => r.GetRawText())
            .Should()
            .StartWith(Section(original, "custody_events").Select(r => r.GetRawText()));
    }

    [Fact]
    public async Task ATarWithOtherBytesUnderAFilesNameOrWithoutAFileRestoresNothing()
    {
        var editor = await fixture.ClientAsync(Roles.Editor);
        var admin = await fixture.ClientAsync(Roles.Admin);
        var photo = TestMedia.Photo(seed: 34);
        (await UploadAsync(editor, Article, photo, "x.jpg")).EnsureSuccessStatusCode();
        var tar = await (await admin.GetAsync("/api/v1/export/full.tar")).Content.ReadAsByteArrayAsync();
        var entries = ReadTar(tar);
        var sha = Sha256(photo);
        var key = $"files/sha256/{sha[..2]}/{sha[2..4]}/{sha}";
        var tampered = new Dictionary<string, byte[]>(entries) { [key] = [.. photo[..^1], (byte)(photo[^1] ^ 1)] };
        var withoutFile = entries.Where(e => e.Key != key).ToDictionary();
        var stray = new Dictionary<string, byte[]>(entries) { ["files/../../etc/passwd"] = [1] };

        await using var empty = await TestPostgres.CreateDatabaseAsync();
        await using var other = new AppFactory(empty.ConnectionString);
        using var otherAdmin = await other.TokenClientAsync(Roles.Admin);
        using var wrongBytes = await otherAdmin.PostAsync(
            "/api/v1/import/full",
            Body(WriteTar(tampered), "application/x-tar")
        );
        using var missing = await otherAdmin.PostAsync(
            "/api/v1/import/full",
            Body(WriteTar(withoutFile), "application/x-tar")
        );
        using var strayed = await otherAdmin.PostAsync(
            "/api/v1/import/full",
            Body(WriteTar(stray), "application/x-tar")
        );
        using var notTar = await otherAdmin.PostAsync(
            "/api/v1/import/full",
            Body(Encoding.UTF8.GetBytes("[1,2"), "application/x-tar")
        );

        wrongBytes.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await wrongBytes.Content.ReadAsStringAsync()).Should().Contain(key).And.Contain("Nothing was restored");
        missing.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await missing.Content.ReadAsStringAsync()).Should().Contain("no bytes in the backup");
        strayed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        notTar.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await empty.ScalarAsync<long>("SELECT count(*) FROM claims")).Should().Be(0, "no row was written");
        (await empty.ScalarAsync<long>("SELECT count(*) FROM evidence_files")).Should().Be(0);
        Directory
            .EnumerateFiles(other.EvidenceRoot, "*", SearchOption.AllDirectories)
            .Should()
            .BeEmpty("no blob was stored and the staged copies are gone");

        using var whole = await otherAdmin.PostAsync("/api/v1/import/full", Body(tar, "application/x-tar"));
        whole.StatusCode.Should().Be(HttpStatusCode.OK, "the refusals left the instance empty");
    }

    private static async Task QuarantineAsync(HttpClient admin, string sha, string reason)
    {
        using var read = await admin.GetAsync($"/api/v1/evidence/{sha}");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/evidence/{sha}/quarantine")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { reason }),
        };
        request.Headers.IfMatch.Add(read.Headers.ETag!);
        using var response = await admin.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
    }

    private static List<JsonElement> Section(JsonElement document, string table) =>
        document
            .EnumerateArray()
            .Single(s => s.TryGetProperty("table", out var name) && name.GetString() == table)
            .GetProperty("rows")
            .EnumerateArray()
            .ToList();

    /// <summary>A table's rows, in key order, as PostgreSQL writes them.</summary>
    private static Task<string> RowsAsync(TestDatabase database, string table) =>
        database.ScalarAsync<string>(
            $"SELECT coalesce(json_agg(t ORDER BY {(table == "media_fingerprints" ? "file_id, frame" : "id")})::text, "
                + "'') "
                + $"FROM {table} t"
        );

    private static ByteArrayContent Body(byte[] bytes, string contentType) =>
        new(bytes) { Headers = { ContentType = new MediaTypeHeaderValue(contentType) } };

    private static Dictionary<string, byte[]> ReadTar(byte[] tar)
    {
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using var reader = new TarReader(new MemoryStream(tar));
        while (reader.GetNextEntry() is { } entry)
        {
            using var bytes = new MemoryStream();
            entry.DataStream?.CopyTo(bytes);
            entries.Add(entry.Name, bytes.ToArray());
        }

        return entries;
    }

    private static byte[] WriteTar(Dictionary<string, byte[]> entries)
    {
        using var output = new MemoryStream();
        using (var writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                writer.WriteEntry(
                    new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(bytes) }
                );
            }
        }

        return output.ToArray();
    }
}
