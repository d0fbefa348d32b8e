using Microsoft.Playwright;
using SkillsAcademy.TestUtilities;

namespace SkillsAcademy.EndToEndTests;

/// <summary>The application on a loopback port and Debian's Chromium driven by Playwright (no downloaded browser).</summary>
public class BrowserFixture : IAsyncLifetime
{
    public const int PhoneWidth = 390;
    public const int PhoneHeight = 844;

    private FileLoggerProvider? _log;
    private IPlaywright? _playwright;

    public SkillsAcademyWebFactory Factory { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    public Uri BaseAddress { get; private set; } = default!;

    /// <summary>
    /// Lesson pages report every second instead of every 15: the crediting rule on the server is unchanged.
    /// A fixture for other journeys may add settings of its own.
    /// </summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?> { ["Learning:ReportIntervalSeconds"] = "1" };

    public static string ArtifactsDirectory { get; } = Path.Combine(RepositoryRoot.Path, "artifacts", "screenshots");

    public async ValueTask InitializeAsync()
    {
        // The data folder and the Debug log stay after the fixture, for the personal-data scan of the whole run.
        var name = GetType().Name;
        _log = new FileLoggerProvider(EndToEndRun.NewLogFile(name));
        var settings = new Dictionary<string, string?>(EndToEndRun.LogSettings);
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        Factory = new SkillsAcademyWebFactory(EndToEndRun.NewDataDirectory(name), settings, logTo: _log);
        BaseAddress = Factory.StartKestrel();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            // This machine has no network beyond loopback: keep Chromium from calling home.
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
                "--disable-background-networking", "--disable-component-update",
            ],
        });
        Directory.CreateDirectory(ArtifactsDirectory);
    }

    /// <summary>A fresh browser context the size of a phone, with no cookies.</summary>
    public async Task<IPage> NewPhonePageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = PhoneWidth, Height = PhoneHeight },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
        });
        PageExtensions.RecordContentSecurityPolicyViolations(context);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await Factory.DisposeAsync();
        _log?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
