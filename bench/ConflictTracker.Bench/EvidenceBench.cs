using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Reflection;
using System.Security.Cryptography;
using ConflictTracker.Domain.Evidence;
using ConflictTracker.Evidence.Storage;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Features.Evidence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace ConflictTracker.Bench;

/// <summary>
/// The evidence targets of docs/performance.md: the near-duplicate lookup (<see cref="FootageMatcher.FindAsync"/>)
/// among stored media, and an upload streamed to staging and storage (<see cref="StagedFile.WriteAsync"/>, then
/// <see cref="DiskEvidenceStore.PutFileAsync"/>) with the process's memory sampled throughout, each against the
/// machine's own ceiling (plain disk writes and reads, SHA-256 over memory).
/// </summary>
internal sealed partial class EvidenceBench(TextWriter log)
{
    private const int Megabyte = 1 << 20;

    private readonly Dictionary<string, object> results = [];

    public Dictionary<string, object> Results => results;

    // ---- The near-duplicate lookup -----------------------------------------------------------------------

    /// <summary>
    /// A fresh database (dropped and made again from <paramref name="adminConnection"/>), migrated, with
    /// <paramref name="media"/> evidence files of one random 64-bit hash each; then lookups of random hashes
    /// (almost all misses) and of planted near-duplicates, each result checked against a brute-force scan.
    /// </summary>
    public async Task LookupAsync(string adminConnection, string database, int media, int lookups, int seed)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(adminConnection) { Database = database }.ToString();
        await using (var admin = NpgsqlDataSource.Create(adminConnection))
        {
            await using var drop = admin.CreateCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            await drop.ExecuteNonQueryAsync();
            await using var create = admin.CreateCommand($"CREATE DATABASE \"{database}\"");
            await create.ExecuteNonQueryAsync();
        }

        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseOptions.Configure(options, connectionString);
        var factory = new PooledDbContextFactory<AppDbContext>(options.Options);
        var watch = Stopwatch.StartNew();
        await using (var db = new AppDbContext(options.Options))
        {
            await db.Database.MigrateAsync();
        }

        log.WriteLine($"Migrated {database} in {watch.Elapsed.TotalSeconds:F1} s");

        // The stored media: one hash each (an image, frame 0), uniformly random.
        var random = new Random(seed);
        var ids = new Guid[media];
        var hashes = new ulong[media];
        Span<byte> bytes = stackalloc byte[16];
        for (var i = 0; i < media; i++)
        {
            random.NextBytes(bytes);
            ids[i] = new Guid(bytes);
            hashes[i] = (ulong)random.NextInt64() ^ ((ulong)random.Next(2) << 63);
        }

        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        watch.Restart();
        await LoadAsync(dataSource, ids, hashes);
        var loadSeconds = watch.Elapsed.TotalSeconds;
        log.WriteLine($"Loaded {media:N0} evidence files and fingerprints in {loadSeconds:F1} s");

        // The queries: random hashes (misses, as nearly every new upload is), and planted near-duplicates of
        // stored media with 3 to 8 bits flipped, and with exactly the threshold's number of bits flipped.
        var maxDistance = FootageMatcher.MaxDistance;
        var queries = new List<(ulong Hash, Guid? Planted, int Flipped)>();
        for (var i = 0; i < lookups; i++)
        {
            queries.Add(((ulong)random.NextInt64() ^ ((ulong)random.Next(2) << 63), null, 0));
        }

        var planted = Math.Max(10, lookups / 10);
        for (var i = 0; i < planted; i++)
        {
            var target = random.Next(media);
            var flipped = i % 5 == 4 ? maxDistance : random.Next(3, 9);
            queries.Add((Flip(hashes[target], flipped, random), ids[target], flipped));
        }

        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(queries));

        var matcher = new FootageMatcher();
        async Task<IReadOnlyList<(Guid FileId, int Distance)>> Find(ulong hash)
        {
            await using var db = factory.CreateDbContext();
            return await matcher.FindAsync(db, [hash], CancellationToken.None);
        }

        // Warm-up: the indexes into shared buffers, the connection pool, EF Core's model.
        for (var i = 0; i < 50; i++)
        {
            await Find((ulong)random.NextInt64());
        }

        var all = new Latencies();
        var misses = new Latencies();
        var near = new Latencies();
        var wrong = new List<string>();
        var found = 0;
        foreach (var (hash, target, flipped) in queries)
        {
            var clock = Stopwatch.StartNew();
            var result = await Find(hash);
            var ms = clock.Elapsed.TotalMilliseconds;
            all.Add(ms);
            (target is null ? misses : near).Add(ms);

            // Correctness: exactly the stored media within the threshold, with their distances.
            var expected = new Dictionary<Guid, int>();
            for (var i = 0; i < media; i++)
            {
                var distance = BitOperations.PopCount(hashes[i] ^ hash);
                if (distance <= maxDistance)
                {
                    expected[ids[i]] = distance;
                }
            }

            var actual = result.ToDictionary(r => r.FileId, r => r.Distance);
            if (
                actual.Count != expected.Count
                || expected.Any(e => !actual.TryGetValue(e.Key, out var d) || d != e.Value)
            )
            {
                wrong.Add(
                    $"{hash:x16} ({flipped} bits from {target}): expected {expected.Count}, found {actual.Count}"
                );
            }

            if (target is { } t && actual.TryGetValue(t, out var at) && at == flipped)
            {
                found++;
            }
        }

        log.WriteLine(
            $"Lookups: {all.Count} (planted {near.Count}, found {found}), wrong {wrong.Count}; "
                + $"p50 {all.Percentile(50):F2} / p95 {all.Percentile(95):F2} ms"
        );
        foreach (var line in wrong.Take(10))
        {
            log.WriteLine("  wrong: " + line);
        }

        // A video's lookup: the matcher is given one hash per keyframe (16 here) and asks for each in turn.
        var video = new Latencies();
        for (var i = 0; i < 50; i++)
        {
            var frames = Enumerable.Range(0, 16).Select(_ => (ulong)random.NextInt64()).ToList();
            var clock = Stopwatch.StartNew();
            await using var db = factory.CreateDbContext();
            await matcher.FindAsync(db, frames, CancellationToken.None);
            video.Add(clock.Elapsed.TotalMilliseconds);
        }

        var (plan, rowsExamined) = await PlanAsync(dataSource, queries.First(q => q.Planted is not null).Hash);
        var indexes = Enumerable.Range(0, 4).Count(q => plan.Contains($"ix_media_fingerprints_quarter{q}"));
        log.WriteLine(
            $"Plan: BitmapOr {plan.Contains("BitmapOr", StringComparison.Ordinal)}, {indexes} quarter indexes, "
                + $"{rowsExamined} rows fetched"
        );

        results["lookup"] = new
        {
            media,
            fingerprints = media,
            maxDistance,
            radiusPerQuarter = maxDistance / 4,
            valuesPerQuarter = FootageMatcherWithin(maxDistance / 4),
            loadSeconds = Math.Round(loadSeconds, 1),
            tableMb = await ScalarAsync(dataSource, "SELECT pg_total_relation_size('media_fingerprints') / 1048576.0"),
            all = all.Summary(),
            misses = misses.Summary(),
            planted = near.Summary(),
            plantedCount = near.Count,
            plantedFound = found,
            wrong = wrong.Count,
            wrongExamples = wrong.Take(10).ToList(),
            video16 = video.Summary(),
            bitmapOr = plan.Contains("BitmapOr", StringComparison.Ordinal),
            quarterIndexesUsed = indexes,
            rowsExamined,
            plan,
        };
    }

    private static int FootageMatcherWithin(int radius)
    {
        // 1 + 16 + C(16,2) + ... : the values one quarter's index is asked for.
        var count = 1;
        var term = 1;
        for (var r = 1; r <= radius; r++)
        {
            term = term * (16 - r + 1) / r;
            count += term;
        }

        return count;
    }

    private static ulong Flip(ulong hash, int bits, Random random)
    {
        var positions = Enumerable.Range(0, 64).ToArray();
        random.Shuffle(positions);
        foreach (var bit in positions.Take(bits))
        {
            hash ^= 1UL << bit;
        }

        return hash;
    }

    private static async Task LoadAsync(NpgsqlDataSource dataSource, Guid[] ids, ulong[] hashes)
    {
        var fingerprints = ids.Select((id, i) => new MediaFingerprint(id, 0, hashes[i])).ToList();
        await using var batch = dataSource.CreateBatch();
        var files = new NpgsqlBatchCommand(
            """
            INSERT INTO evidence_files (id, sha256, size, kind, format, content_type, metadata, preview_count,
                                        stored_at, stored_by, status)
            SELECT id, encode(sha256(convert_to(id::text, 'UTF8')), 'hex'), 100000 + n, 'Image', 'jpeg',
                   'image/jpeg', '{}', 1, now(), 'bench', 'Active'
            FROM unnest(@ids) WITH ORDINALITY AS t(id, n)
            """
        );
        files.Parameters.AddWithValue("ids", ids);
        var prints = new NpgsqlBatchCommand(
            """
            INSERT INTO media_fingerprints (file_id, frame, hash, quarter0, quarter1, quarter2, quarter3)
            SELECT * FROM unnest(@ids, @frames, @hashes, @q0, @q1, @q2, @q3)
            """
        );
        prints.Parameters.AddWithValue("ids", ids);
        prints.Parameters.AddWithValue("frames", fingerprints.Select(f => f.Frame).ToArray());
        prints.Parameters.AddWithValue("hashes", fingerprints.Select(f => f.Hash).ToArray());
        prints.Parameters.AddWithValue("q0", fingerprints.Select(f => f.Quarter0).ToArray());
        prints.Parameters.AddWithValue("q1", fingerprints.Select(f => f.Quarter1).ToArray());
        prints.Parameters.AddWithValue("q2", fingerprints.Select(f => f.Quarter2).ToArray());
        prints.Parameters.AddWithValue("q3", fingerprints.Select(f => f.Quarter3).ToArray());
        batch.BatchCommands.Add(files);
        batch.BatchCommands.Add(prints);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("ANALYZE evidence_files, media_fingerprints"));
        await batch.ExecuteNonQueryAsync();
        await using var vacuum = dataSource.CreateCommand("VACUUM (ANALYZE) media_fingerprints");
        await vacuum.ExecuteNonQueryAsync();
    }

    /// <summary>EXPLAIN (ANALYZE, BUFFERS) of the very command the matcher sends (its private builder).</summary>
    private static async Task<(string Plan, long Rows)> PlanAsync(NpgsqlDataSource dataSource, ulong hash)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var lookup =
            typeof(FootageMatcher).GetMethod("Lookup", BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new InvalidOperationException("FootageMatcher.Lookup is gone: update the benchmark.");
        await using var command = (NpgsqlCommand)lookup.Invoke(null, [connection, hash])!;
        command.CommandText = "EXPLAIN (ANALYZE, BUFFERS) " + command.CommandText;
        var lines = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }
        }

        // The rows the bitmap heap scan fetched: the candidates whose bits were counted.
        var heap = lines.FirstOrDefault(l => l.Contains("Bitmap Heap Scan", StringComparison.Ordinal)) ?? "";
        var match = System.Text.RegularExpressions.Regex.Match(heap, @"actual time=\S+ rows=(\d+)");
        // The arrays of quarter values (hundreds each) shortened to their count.
        var plan = System.Text.RegularExpressions.Regex.Replace(
            string.Join('\n', lines),
            @"'\{[0-9,]+\}'::integer\[\]",
            m => $"'{{{m.Value.Count(c => c == ',') + 1} values}}'::integer[]"
        );
        return (plan, match.Success ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : -1);
    }

    private static async Task<double> ScalarAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return Math.Round(Convert.ToDouble(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture), 1);
    }

    // ---- The upload ---------------------------------------------------------------------------------------

    /// <summary>
    /// <paramref name="megabytes"/> MB from a non-seekable stream through <see cref="StagedFile.WriteAsync"/> into
    /// a staging folder and <see cref="DiskEvidenceStore.PutFileAsync"/> into a store, in <paramref name="folder"/>,
    /// sampling memory every 20 ms; then the ceilings: the same bytes written with a plain FileStream, read back,
    /// copied with a flush to disk, and SHA-256 over an in-memory buffer. <paramref name="rounds"/> rounds, each
    /// step after a <c>sync</c> (no dirty pages of the step before); the medians are reported.
    /// </summary>
    public async Task UploadAsync(string folder, int megabytes, int rounds)
    {
        var length = (long)megabytes * Megabyte;
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        var pattern = new byte[4 * Megabyte];
        new Random(7).NextBytes(pattern);
        var seconds = new Dictionary<string, List<double>>();
        var warmUp = true;
        void Add(string step, double value)
        {
            if (!warmUp)
            {
                (seconds.TryGetValue(step, out var list) ? list : seconds[step] = []).Add(value);
            }
        }

        // A first round to warm up (JIT, folders, the page cache's own bookkeeping) is not timed; its memory counts.
        Memory? memory = null;
        for (var round = 0; round <= rounds; round++)
        {
            warmUp = round == 0;
            var staging = Path.Combine(folder, "staging");
            var store = new DiskEvidenceStore(Path.Combine(folder, $"store{round}"));

            // The upload as the endpoint runs it: body → staging (size and SHA-256) → store.
            Sync();
            using var sampler = MemorySampler.Start();
            var clock = Stopwatch.StartNew();
            string sha;
            using (
                var staged = await StagedFile.WriteAsync(
                    new Body(pattern, length),
                    staging,
                    length + 1,
                    length,
                    CancellationToken.None
                )
            )
            {
                Add("stage", clock.Elapsed.TotalSeconds);
                sha = staged.Sha256;
                clock.Restart();
                await store.PutFileAsync(EvidenceKeys.Original(sha), staged.Path, "video/mp4", CancellationToken.None);
                Add("store", clock.Elapsed.TotalSeconds);
            }

            var sampled = await sampler.StopAsync();
            memory = memory is null
                ? sampled
                : memory with
                {
                    ManagedGrowthMb = Math.Max(memory.ManagedGrowthMb, sampled.ManagedGrowthMb),
                    GcHeapGrowthMb = Math.Max(memory.GcHeapGrowthMb, sampled.GcHeapGrowthMb),
                    WorkingSetGrowthMb = Math.Max(memory.WorkingSetGrowthMb, sampled.WorkingSetGrowthMb),
                    Samples = memory.Samples + sampled.Samples,
                };
            log.WriteLine(
                $"Upload of {megabytes} MB{(warmUp ? " (warm-up)" : "")}: "
                    + $"managed heap +{sampled.ManagedGrowthMb:F1} MB, "
                    + $"working set +{sampled.WorkingSetGrowthMb:F1} MB"
            );

            // The ceilings, each on the same bytes.
            var plain = Path.Combine(folder, "plain.bin");
            Sync();
            clock.Restart();
            await using (var output = new FileStream(plain, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0))
            {
                await new Body(pattern, length).CopyToAsync(output, Megabyte);
            }

            Add("write", clock.Elapsed.TotalSeconds);
            clock.Restart();
            await using (var input = new FileStream(plain, FileMode.Open, FileAccess.Read, FileShare.Read, 0))
            {
                var buffer = new byte[Megabyte];
                while (await input.ReadAsync(buffer) > 0) { }
            }

            Add("read", clock.Elapsed.TotalSeconds);
            var copy = Path.Combine(folder, "copy.bin");
            Sync();
            clock.Restart();
            await using (var input = new FileStream(plain, FileMode.Open, FileAccess.Read, FileShare.Read, 0))
            await using (var output = new FileStream(copy, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0))
            {
                await input.CopyToAsync(output, Megabyte);
                output.Flush(flushToDisk: true);
            }

            Add("copyFlushed", clock.Elapsed.TotalSeconds);
            clock.Restart();
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                for (long done = 0; done < length; done += pattern.Length)
                {
                    hash.AppendData(pattern, 0, (int)Math.Min(pattern.Length, length - done));
                }

                if (Convert.ToHexStringLower(hash.GetHashAndReset()) != sha)
                {
                    throw new InvalidOperationException("The staged file's SHA-256 differs from the bytes sent.");
                }
            }

            Add("sha256", clock.Elapsed.TotalSeconds);
            File.Delete(plain);
            File.Delete(copy);
            Directory.Delete(store.Root, recursive: true);
        }

        Directory.Delete(folder, recursive: true);
        double Median(string step) => seconds[step].Order().ElementAt(seconds[step].Count / 2);
        double Rate(string step) => Math.Round(megabytes / Median(step), 0);
        log.WriteLine(
            "Medians (MB/s): "
                + string.Join(", ", seconds.Keys.Select(k => $"{k} {Rate(k)}"))
                + $" over {rounds} rounds"
        );
        results["upload"] = new
        {
            megabytes,
            rounds,
            stageSeconds = Math.Round(Median("stage"), 2),
            stageMbPerSecond = Rate("stage"),
            storeSeconds = Math.Round(Median("store"), 2),
            storeMbPerSecond = Rate("store"),
            totalMbPerSecond = Math.Round(megabytes / (Median("stage") + Median("store")), 0),
            plainWriteMbPerSecond = Rate("write"),
            plainReadMbPerSecond = Rate("read"),
            plainCopyFlushedMbPerSecond = Rate("copyFlushed"),
            sha256MemoryMbPerSecond = Rate("sha256"),
            // Staging writes the bytes, then reads them back to hash: its ceiling is a plain write plus a read
            // and SHA-256 over memory.
            stageOfCeiling = Math.Round((Median("write") + Median("sha256")) / Median("stage"), 2),
            storeOfCeiling = Math.Round(Median("copyFlushed") / Median("store"), 2),
            seconds = seconds.ToDictionary(s => s.Key, s => s.Value.Select(v => Math.Round(v, 3)).ToList()),
            memory!.BaselineManagedMb,
            memory.ManagedGrowthMb,
            memory.GcHeapGrowthMb,
            memory.BaselineWorkingSetMb,
            memory.WorkingSetGrowthMb,
            memory.Samples,
            gc = System.Runtime.GCSettings.IsServerGC ? "server" : "workstation",
        };
    }

    /// <summary>Writes the kernel's dirty pages out, so a step does not pay for the one before.</summary>
    private static void Sync()
    {
        using var sync = Process.Start("sync");
        sync.WaitForExit();
    }

    /// <summary>A request body: <c>length</c> bytes, not seekable, handed out as asked (like Kestrel's).</summary>
    private sealed class Body(byte[] pattern, long length) : Stream
    {
        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var at = (int)(position % pattern.Length);
            var n = (int)Math.Min(Math.Min(buffer.Length, pattern.Length - at), length - position);
            pattern.AsSpan(at, n).CopyTo(buffer);
            position += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken token) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override void Flush() { }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>The process's managed heap and working set, every 20 ms, against a baseline after a full GC.</summary>
    private sealed class MemorySampler : IDisposable
    {
        private readonly CancellationTokenSource stop = new();
        private long baselineManaged;
        private long baselineHeap;
        private long baselineWorkingSet;
        private long peakManaged;
        private long peakHeap;
        private long peakWorkingSet;
        private int samples;
        private Task? loop;

        public static MemorySampler Start()
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            var sampler = new MemorySampler();
            using var process = Process.GetCurrentProcess();
            sampler.baselineManaged = GC.GetTotalMemory(false);
            sampler.baselineHeap = GC.GetGCMemoryInfo().HeapSizeBytes;
            sampler.baselineWorkingSet = process.WorkingSet64;
            sampler.loop = Task.Run(sampler.RunAsync);
            return sampler;
        }

        private async Task RunAsync()
        {
            using var process = Process.GetCurrentProcess();
            while (!stop.IsCancellationRequested)
            {
                Sample(process);
                try
                {
                    await Task.Delay(20, stop.Token);
                }
                catch (OperationCanceledException) { }
            }
        }

        private void Sample(Process process)
        {
            process.Refresh();
            peakManaged = Math.Max(peakManaged, GC.GetTotalMemory(false));
            peakHeap = Math.Max(peakHeap, GC.GetGCMemoryInfo().HeapSizeBytes);
            peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64);
            samples++;
        }

        public void Dispose() => stop.Dispose();

        public async Task<Memory> StopAsync()
        {
            await stop.CancelAsync();
            await loop!;
            using var process = Process.GetCurrentProcess();
            Sample(process);
            static double Mb(long bytes) => Math.Round(bytes / 1048576.0, 1);
            return new Memory(
                Mb(baselineManaged),
                Mb(peakManaged - baselineManaged),
                Mb(peakHeap - baselineHeap),
                Mb(baselineWorkingSet),
                Mb(peakWorkingSet - baselineWorkingSet),
                samples
            );
        }
    }

    private sealed record Memory(
        double BaselineManagedMb,
        double ManagedGrowthMb,
        double GcHeapGrowthMb,
        double BaselineWorkingSetMb,
        double WorkingSetGrowthMb,
        int Samples
    );
}
