using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace ConflictTracker.Bench;

/// <summary>
/// Writes the "Evidence" section of docs/performance.md from <see cref="EvidenceBench"/>'s figures, between its
/// own markers, above the part <c>scripts/bench.sh run</c> writes (which keeps everything above its marker).
/// </summary>
internal static class EvidenceReport
{
    private const string Begin =
        "<!-- Evidence: written by scripts/bench.sh evidence, from here to its end marker. -->";
    private const string End = "<!-- End of the evidence section. -->";

    public static async Task WriteAsync(Dictionary<string, object> results, string command, string output)
    {
        var json = JsonDocument.Parse(JsonSerializer.Serialize(results)).RootElement;
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');
        string F(double value, string format = "F1") => value.ToString(format, CultureInfo.InvariantCulture);
        double D(JsonElement e, string name) => e.GetProperty(name).GetDouble();
        string N(JsonElement e, string name) =>
            e.GetProperty(name).GetInt64().ToString("N0", CultureInfo.InvariantCulture);
        string P(JsonElement e) => $"p50 {F(D(e, "p50"), "F2")} / p95 {F(D(e, "p95"), "F2")} / max {F(D(e, "max"))} ms";

        var cpu =
            File.ReadLines("/proc/cpuinfo")
                .FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))
                ?.Split(':')[1]
                .Trim()
            ?? "unknown";
        var memory = long.Parse(
            File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1],
            CultureInfo.InvariantCulture
        );

        Line(Begin);
        Line();
        Line("## Evidence: the near-duplicate lookup and large uploads");
        Line();
        Line($"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC with `{command}`.");
        Line(
            $"Machine: {Environment.ProcessorCount} cores ({cpu}), {F(memory / 1048576.0, "F0")} GiB, "
                + $"{RuntimeInformation.OSDescription}; .NET {Environment.Version}; benchmark, PostgreSQL and disk "
                + "on the same machine, shared with other work."
        );
        Line();
        Line("| Target | Measured | Ceiling (same work, plain) | Met |");
        Line("|---|---|---|---|");
        if (json.TryGetProperty("lookup", out var lookup))
        {
            var all = lookup.GetProperty("all");
            var ok = lookup.GetProperty("wrong").GetInt32() == 0;
            Line(
                $"| Perceptual-hash lookup among {N(lookup, "media")} stored media: p95 <= 50 ms "
                    + $"| {P(all)} over {N(all, "n")} lookups "
                    + $"({(ok ? "every result right" : $"**{N(lookup, "wrong")} wrong**")}) | "
                    + $"| {Met(D(all, "p95") <= 50 && ok)} |"
            );
        }

        if (json.TryGetProperty("upload", out var upload))
        {
            var mb = upload.GetProperty("megabytes").GetInt32();
            Line(
                $"| Upload of {mb} MB streams to storage: memory growth < 50 MB "
                    + $"| managed heap +{F(D(upload, "ManagedGrowthMb"))} MB, working set "
                    + $"+{F(D(upload, "WorkingSetGrowthMb"))} MB (peaks over {N(upload, "Samples")} "
                    + "samples) | "
                    + $"| {Met(Math.Max(D(upload, "ManagedGrowthMb"), D(upload, "WorkingSetGrowthMb")) < 50)} |"
            );
            Line(
                $"| ... hashing runs at disk speed: staging (write and SHA-256) at least as fast as the "
                    + $"disk's durable writes | staging {F(D(upload, "stageMbPerSecond"), "F0")} MB/s; into the store "
                    + $"(copy, flush to disk) {F(D(upload, "storeMbPerSecond"), "F0")} MB/s "
                    + $"| disk, copy with a flush {F(D(upload, "plainCopyFlushedMbPerSecond"), "F0")} MB/s "
                    + $"(store/plain {F(D(upload, "storeOfCeiling"), "F2")}); page cache, plain write + SHA-256 "
                    + $"over memory: staging/plain {F(D(upload, "stageOfCeiling"), "F2")} "
                    + $"| {Met(D(upload, "stageMbPerSecond") >= D(upload, "plainCopyFlushedMbPerSecond"))} |"
            );
        }

        Line();
        if (lookup.ValueKind == JsonValueKind.Object)
        {
            Line("### The near-duplicate lookup");
            Line();
            Line(
                $"`FootageMatcher.FindAsync` with one hash, a fresh `AppDbContext` each time, against a database made "
                    + $"for the benchmark (migrated, then {N(lookup, "media")} evidence files with "
                    + $"one uniformly random 64-bit hash each, {F(D(lookup, "tableMb"))} MB of fingerprints "
                    + "and indexes, "
                    + $"loaded in {F(D(lookup, "loadSeconds"))} s). The threshold is "
                    + $"{N(lookup, "maxDistance")} bits, so each quarter index is asked for the "
                    + $"{N(lookup, "valuesPerQuarter")} values within "
                    + $"{N(lookup, "radiusPerQuarter")} bits of the query's quarter."
            );
            Line();
            Line(
                $"- All lookups: {P(lookup.GetProperty("all"))}. Random hashes (misses, as nearly every new upload "
                    + $"is): {P(lookup.GetProperty("misses"))}. Planted near-duplicates "
                    + $"(a stored hash with 3 to 8 bits flipped, or exactly the threshold): "
                    + $"{P(lookup.GetProperty("planted"))}."
            );
            Line(
                $"- Correctness: every result was compared with a scan of all stored hashes; "
                    + $"{N(lookup, "plantedFound")} of {N(lookup, "plantedCount")} "
                    + $"planted near-duplicates found at their distance, {N(lookup, "wrong")} "
                    + "results differing from the scan."
            );
            Line(
                $"- A video's lookup, 16 keyframe hashes in one call (the matcher asks for each in turn): "
                    + $"{P(lookup.GetProperty("video16"))}."
            );
            Line(
                $"- Plan: {(lookup.GetProperty("bitmapOr").GetBoolean() ? "a BitmapOr" : "**no BitmapOr**")} of "
                    + $"{N(lookup, "quarterIndexesUsed")} of the 4 quarter indexes, "
                    + $"{N(lookup, "rowsExamined")} candidate rows fetched and their bits counted."
            );
            Line(
                "- Caveat: the hashes are uniformly random, so each quarter value is shared by about "
                    + $"{F(D(lookup, "media") / 65536.0)} rows. Real dHashes cluster (a black or flat frame hashes to "
                    + "0), and a query near a crowded value fetches more rows."
            );
            Line();
            Line("<details><summary>EXPLAIN (ANALYZE, BUFFERS) of one planted lookup</summary>");
            Line();
            Line("```");
            Line(lookup.GetProperty("plan").GetString()!);
            Line("```");
            Line("</details>");
            Line();
        }

        if (upload.ValueKind == JsonValueKind.Object)
        {
            Line("### Upload");
            Line();
            Line(
                $"{N(upload, "megabytes")} MB of random bytes from a non-seekable stream (as "
                    + "Kestrel hands over a request body) through `StagedFile.WriteAsync` (copy to the staging folder, "
                    + "counting and hashing each buffer on the way), then `DiskEvidenceStore.PutFileAsync` "
                    + "(copy into the store, "
                    + "flushed to disk, moved into place), in one process that samples its own memory every 20 ms; "
                    + "the growth is the peak minus the figure after a full GC before the upload "
                    + $"({upload.GetProperty("gc").GetString()} GC, as the app runs). A warm-up round, then "
                    + $"{N(upload, "rounds")} timed rounds, each step after a `sync`: times are medians, memory the "
                    + "largest growth of any round, the warm-up's included "
                    + "(raw seconds in artifacts/bench/evidence.json)."
            );
            Line();
            Line(
                $"- Staging: {F(D(upload, "stageSeconds"), "F2")} s ({F(D(upload, "stageMbPerSecond"), "F0")} MB/s); "
                    + $"store: {F(D(upload, "storeSeconds"), "F2")} s ({F(D(upload, "storeMbPerSecond"), "F0")} MB/s); "
                    + $"both: {F(D(upload, "totalMbPerSecond"), "F0")} MB/s."
            );
            Line(
                $"- Plain FileStream on the same disk: write {F(D(upload, "plainWriteMbPerSecond"), "F0")} MB/s, "
                    + $"read back {F(D(upload, "plainReadMbPerSecond"), "F0")} MB/s (from the page cache), copy with a "
                    + $"flush to disk {F(D(upload, "plainCopyFlushedMbPerSecond"), "F0")} MB/s; SHA-256 over a buffer "
                    + $"in memory {F(D(upload, "sha256MemoryMbPerSecond"), "F0")} MB/s."
            );
            Line(
                $"- Memory: managed heap {F(D(upload, "BaselineManagedMb"))} MB before, peak growth "
                    + $"+{F(D(upload, "ManagedGrowthMb"))} MB (GC heap after the last collection "
                    + $"+{F(D(upload, "GcHeapGrowthMb"))} MB); working set {F(D(upload, "BaselineWorkingSetMb"))} MB "
                    + $"before, peak growth +{F(D(upload, "WorkingSetGrowthMb"))} MB. Written file data sits in the "
                    + "kernel's page cache, which is not the process's memory."
            );
            Line(
                "- \"At disk speed\": staging does not flush, so it runs against the page cache; its ratio is the "
                    + "time of the same work done plainly (write, SHA-256 over memory) over its own time "
                    + "(1.0: no cost over the plain work). The store flushes to disk, so it is compared with a "
                    + "plain copy with a flush. Hashing is not the limit while SHA-256 over memory is faster than "
                    + "durable writes. "
                    + "The disk is a virtual one shared with other work on this machine: its speed varies between "
                    + "rounds."
            );
            Line();
        }

        Line(End);

        var existing = File.Exists(output) ? await File.ReadAllTextAsync(output) : "# Performance\n\n";
        var begin = existing.IndexOf(Begin, StringComparison.Ordinal);
        var end = existing.IndexOf(End, StringComparison.Ordinal);
        string updated;
        if (begin >= 0 && end > begin)
        {
            updated = existing[..begin] + text + "\n" + existing[(end + End.Length)..].TrimStart('\n');
        }
        else
        {
            // New: just above the part scripts/bench.sh run writes, which keeps what is above its marker.
            var at = existing.IndexOf(Report.Marker, StringComparison.Ordinal);
            updated = at < 0 ? existing.TrimEnd() + "\n\n" + text : existing[..at] + text + "\n" + existing[at..];
        }

        await File.WriteAllTextAsync(output, updated);
    }

    private static string Met(bool met) => met ? "yes" : "**no**";
}
