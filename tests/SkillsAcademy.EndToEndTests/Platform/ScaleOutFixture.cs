using System.Security.Cryptography;
using Microsoft.Playwright;
using SkillsAcademy.TestUtilities;

namespace SkillsAcademy.EndToEndTests.Platform;

/// <summary>
/// The production shape on one machine: the database prepared once by <c>--migrate</c>, then two app processes on
/// loopback ports that share one SQLite database, one Hangfire SQLite storage and one file store (and do not migrate
/// at start), behind Debian's nginx running deploy/nginx.conf. Chromium reaches the platform only through nginx.
/// </summary>
public sealed class ScaleOutFixture : IAsyncLifetime
{
    /// <summary>The study-segment sweep runs every this many seconds on the cluster.</summary>
    public const int SweepSeconds = 5;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    // Kept after the fixture, with the nodes' output, for the personal-data scan of the whole run.
    private readonly string _data = EndToEndRun.NewDataDirectory(nameof(ScaleOutFixture));
    private readonly WebAppProcess?[] _nodes = new WebAppProcess?[2];
    private readonly string _signingKey = NewSigningKey();
    private IPlaywright? _playwright;

    public string DataDirectory => _data;

    public string HangfireDatabase => Path.Combine(_data, "hangfire.db");

    public Uri[] NodeAddresses { get; } =
        [new($"http://127.0.0.1:{NginxProxy.FreeLoopbackPort()}/"), new($"http://127.0.0.1:{NginxProxy.FreeLoopbackPort()}/")];

    public NginxProxy Proxy { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>What the one-shot <c>--migrate</c> run printed.</summary>
    public string MigrateOutput { get; private set; } = "";

    public WebAppProcess Node(int index) => _nodes[index] ?? throw new InvalidOperationException($"node {index} is not running");

    /// <summary>The node an access-log address (127.0.0.1:port) belongs to, or -1.</summary>
    public int NodeIndexOf(string address) => Array.FindIndex(NodeAddresses, a => a.Authority == address);

    public IReadOnlyDictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>(SkillsAcademyWebFactory.DefaultSettings(_data))
        {
            ["Database:MigrateOnStartup"] = "false",
            ["Credentials:SigningKeyPem"] = _signingKey,
            ["Credentials:DevelopmentKeyFile"] = "",
            // Lesson pages report every second; the server's crediting rule is unchanged.
            ["Learning:ReportIntervalSeconds"] = "1",
            // A recurring job due every few seconds, and schedulers that look every second: many chances to double it.
            ["Learning:SweepCron"] = $"*/{SweepSeconds} * * * * *",
            ["Jobs:SchedulePollingIntervalSeconds"] = "1",
            ["Catalog:CacheSyncSeconds"] = "1",
            // The nodes log to their console, which the fixture saves into the run's log folder.
            ["Logging:LogLevel:Default"] = "Information",
        };
        return settings;
    }

    public async ValueTask InitializeAsync()
    {
        using (var migrate = WebAppProcess.Start(Settings(), "--migrate"))
        {
            var exitCode = await migrate.WaitForExitAsync(StartTimeout);
            MigrateOutput = migrate.Output;
            SaveOutput(migrate, "migrate");
            exitCode.ShouldBe(0, MigrateOutput);
        }

        await Task.WhenAll(StartNodeAsync(0), StartNodeAsync(1));
        Proxy = await NginxProxy.StartAsync(Path.Combine(_data, "nginx"), NodeAddresses);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
                "--disable-background-networking", "--disable-component-update",
            ],
        });
        Directory.CreateDirectory(BrowserFixture.ArtifactsDirectory);
    }

    /// <summary>Starts node <paramref name="index"/> (again) and waits until its readiness check passes.</summary>
    public async Task StartNodeAsync(int index)
    {
        if (_nodes[index] is { } previous)
        {
            previous.Dispose();
            SaveOutput(previous, $"node{index}");
        }
        var settings = new Dictionary<string, string?>(Settings()) { ["ASPNETCORE_URLS"] = NodeAddresses[index].ToString().TrimEnd('/') };
        var node = WebAppProcess.Start(settings);
        _nodes[index] = node;
        await node.WaitUntilAnswersAsync(new Uri(NodeAddresses[index], "/health/ready"), StartTimeout);
    }

    /// <summary>A phone-sized browser context on nginx's address, trusting its self-signed certificate.</summary>
    public async Task<IPage> NewPhonePageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Proxy.BaseAddress.ToString(),
            IgnoreHTTPSErrors = true,
            ViewportSize = new ViewportSize { Width = BrowserFixture.PhoneWidth, Height = BrowserFixture.PhoneHeight },
            IsMobile = true,
            HasTouch = true,
        });
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        Proxy?.Dispose();
        for (var index = 0; index < _nodes.Length; index++)
        {
            if (_nodes[index] is { } node)
            {
                node.Dispose();
                SaveOutput(node, $"node{index}");
            }
        }
    }

    private static void SaveOutput(WebAppProcess process, string name) =>
        File.WriteAllText(EndToEndRun.NewLogFile($"{nameof(ScaleOutFixture)}-{name}"), process.Output);

    private static string NewSigningKey()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKeyPem();
    }
}
