using System.Diagnostics;
using System.Text;
using System.Text.Json;
using ConflictTracker.Evidence.Storage;

namespace ConflictTracker.Evidence.Tests.Storage;

/// <summary>
/// A real S3-compatible server for the tests: s3rver (npm, tests/tools/s3rver) on a free port, its objects in a
/// temporary folder. Installs s3rver with <c>npm ci</c> when its node_modules folder is missing, and fails every
/// test that uses it, naming what is missing, when node or npm are not on the PATH.
/// </summary>
public sealed class S3ServerFixture : IAsyncLifetime
{
    public const string Bucket = "evidence";
    private const string Credential = "S3RVER"; // s3rver's built-in account: access key and secret key.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly StringBuilder _errors = new();
    private Process? _server;
    private string? _data;

    public string ServiceUrl { get; private set; } = "";

    public S3EvidenceOptions Options(string prefix) =>
        new()
        {
            ServiceUrl = ServiceUrl,
            Bucket = Bucket,
            AccessKey = Credential,
            SecretKey = Credential,
            Prefix = prefix,
        };

    public async Task InitializeAsync()
    {
        var folder = ToolFolder();
        var node = NodeTools.Find("node");
        if (!File.Exists(Path.Combine(folder, "node_modules", "s3rver", "package.json")))
        {
            await NodeTools.RunAsync(NodeTools.Find("npm"), ["ci", "--no-audit", "--no-fund"], folder);
        }
        _data = Directory.CreateTempSubdirectory("ct-s3rver-").FullName;
        var start = new ProcessStartInfo(node)
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "start.js", _data, Bucket })
        {
            start.ArgumentList.Add(argument);
        }
        _server = Process.Start(start) ?? throw new InvalidOperationException("node start.js did not start.");
        _server.ErrorDataReceived += (_, e) =>
        {
            lock (_errors)
            {
                _errors.AppendLine(e.Data);
            }
        };
        _server.BeginErrorReadLine();
        var port = await ReadPortAsync(_server);
        ServiceUrl = $"http://127.0.0.1:{port}";
        await WaitUntilAnsweringAsync();
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            if (!_server.HasExited)
            {
                _server.Kill(entireProcessTree: true);
                await _server.WaitForExitAsync();
            }
            _server.Dispose();
        }
        if (_data is not null && Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private async Task<int> ReadPortAsync(Process server)
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        string? line;
        try
        {
            line = await server.StandardOutput.ReadLineAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            line = null;
        }
        if (line is null)
        {
            string errors;
            lock (_errors)
            {
                errors = _errors.ToString();
            }
            throw new InvalidOperationException($"s3rver did not start within {StartTimeout}:\n{errors}");
        }
        return JsonDocument.Parse(line).RootElement.GetProperty("port").GetInt32();
    }

    private async Task WaitUntilAnsweringAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri($"{ServiceUrl}/{Bucket}"));
                if ((int)response.StatusCode < 500)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline) { }
            if (DateTime.UtcNow >= deadline)
            {
                throw new InvalidOperationException($"s3rver at {ServiceUrl} did not answer within {StartTimeout}.");
            }
            await Task.Delay(100);
        }
    }

    private static string ToolFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "tests", "tools", "s3rver");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException(
            $"tests/tools/s3rver/package.json was not found above {AppContext.BaseDirectory}."
        );
    }
}
