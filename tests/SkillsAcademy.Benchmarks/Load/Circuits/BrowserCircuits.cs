using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using SkillsAcademy.Web.Platform;

namespace SkillsAcademy.Benchmarks.Load.Circuits;

/// <summary>
/// <c>load circuits browser [N]</c>: real pages first. Debian's Chromium (never a downloaded browser), headless,
/// one browser context per learner (its own cookies), pages opened in steps up to N; each page is waited for until
/// it is interactive (lesson: the layout marks main as interactive; Counter: a click counts). The server's memory is
/// read as for the protocol client; at the end every page is checked for the reconnect dialog (a dropped circuit).
/// The browser's own memory is not the server's and is not measured. Both servers run in Development here (see
/// <see cref="BrowserEnvironment"/>), so figures are comparable with each other, not with the protocol client's.
/// </summary>
public static class BrowserCircuits
{
    /// <summary>Both servers run from their build output, which serves blazor.web.js only in Development.</summary>
    private const string BrowserEnvironment = "Development";

    public static async Task RunAsync(CircuitRunOptions options, LoadDataSet? dataSet, CircuitReport report, TextWriter output)
    {
        var steps = new[] { 25, 50, 100, 200, 400 }.Where(s => s < options.BrowserPages).Append(options.BrowserPages).ToArray();
        using var playwright = await Playwright.CreateAsync();
        foreach (var page in options.Pages)
        {
            var cpus = options.Pin ? "1" : null;
            await using var server = page == CircuitPage.Counter
                ? await CircuitServer.StartCounterAsync(cpus, BrowserEnvironment)
                : await CircuitServer.StartProductAsync(dataSet!.DataDirectory, cpus, BrowserEnvironment);
            await output.WriteLineAsync($"{page} in Chromium: server {server}.");
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(120) };
            var targets = page == CircuitPage.Counter
                ? Enumerable.Repeat(new CircuitTarget(new Uri(server.Address, "/counter"), ""), options.BrowserPages).ToList()
                : await LessonTargets.PrepareAsync(dataSet!, server.Address, options.BrowserPages, output);
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium",
                Headless = true,
                Args =
                [
                    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
                    "--disable-background-networking", "--disable-component-update",
                    // Background tabs keep their timers running, as a learner's visible tab does.
                    "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows",
                ],
            });

            // Warm-up page, closed (the browser sends the disconnect beacon), then the reading with no circuit.
            var warm = await OpenAsync(browser, page, targets[0]);
            await warm.Context.CloseAsync();
            await Task.Delay(TimeSpan.FromSeconds(3));
            var empty = await server.MeasureMemoryAsync(http);
            var open = new List<IPage>();
            var failures = 0;
            foreach (var step in steps)
            {
                var opening = Stopwatch.StartNew();
                var batch = Enumerable.Range(open.Count, step - open.Count).ToList();
                foreach (var chunk in batch.Chunk(8))
                {
                    var opened = await Task.WhenAll(chunk.Select(async i =>
                    {
                        try
                        {
                            return await OpenAsync(browser, page, targets[i]);
                        }
                        catch (Exception e) when (e is PlaywrightException or TimeoutException)
                        {
                            Interlocked.Increment(ref failures);
                            return null;
                        }
                    }));
                    open.AddRange(opened.OfType<IPage>());
                }

                // Two report intervals with every page open.
                await Task.Delay(options.Interval * 2);
                var dropped = 0;
                foreach (var p in open)
                {
                    if (await p.EvaluateAsync<bool>("() => document.getElementById('components-reconnect-modal')?.open === true"))
                    {
                        dropped++;
                    }
                }

                var memory = await server.MeasureMemoryAsync(http);
                var result = new BrowserStepResult(page.ToString(), step, open.Count, failures, dropped, Math.Round(opening.Elapsed.TotalSeconds, 1),
                    Math.Round((memory.ManagedBytes - empty.ManagedBytes) / 1024.0 / Math.Max(1, open.Count), 1),
                    Math.Round((memory.WorkingSetBytes - empty.WorkingSetBytes) / 1024.0 / Math.Max(1, open.Count), 1),
                    MachineInfo.AvailableMegabytes());
                report.Browser.Add(result);
                await output.WriteLineAsync(result.Line());
                if (failures > 0 || dropped > 0 || result.AvailableMegabytes < 2048)
                {
                    await output.WriteLineAsync("  stopping: pages failed, circuits dropped or the machine is short of memory.");
                    break;
                }
            }

            foreach (var p in open)
            {
                await p.Context.CloseAsync();
            }
        }
    }

    private static async Task<IPage> OpenAsync(IBrowser browser, CircuitPage kind, CircuitTarget target)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        if (target.CookieHeader.Length > 0)
        {
            await context.AddCookiesAsync(target.CookieHeader.Split("; ").Select(c => c.Split('=', 2)).Select(c => new Cookie
            {
                Name = c[0],
                Value = c[1],
                Url = new Uri(target.Page, "/").ToString(),
            }));
        }

        var page = await context.NewPageAsync();
        await page.GotoAsync(target.Page.ToString());
        if (kind == CircuitPage.Counter)
        {
            // Interactive once a click counts (the template's page has no other sign).
            await page.Locator("button.btn-primary").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
            for (var attempt = 0; attempt < 120 && !(await page.TextContentAsync("p[role=status]") ?? "").Contains("Current count: 1", StringComparison.Ordinal); attempt++)
            {
                if (attempt % 10 == 0 && (await page.TextContentAsync("p[role=status]") ?? "").Contains("Current count: 0", StringComparison.Ordinal))
                {
                    await page.ClickAsync("button.btn-primary");
                }

                await Task.Delay(500);
            }
        }
        else
        {
            // The lesson page is static around one interactive island: its study panel says when it is connected.
            await page.Locator("#study-status[data-interactive='true']").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        }

        return page;
    }
}

/// <summary>One step of the Chromium run.</summary>
public sealed record BrowserStepResult(
    string Page, int Step, int Open, int Failed, int Dropped, double OpenSeconds, double ManagedKbPerCircuit, double WorkingSetKbPerCircuit, long AvailableMegabytes)
{
    public string Line() => string.Create(CultureInfo.InvariantCulture,
        $"  Chromium {Page,-7} {Step,4} pages: open {Open} ({Failed} failed) in {OpenSeconds:0.0} s, dropped {Dropped}, " +
        $"managed {ManagedKbPerCircuit:0.0} KB/circuit, working set {WorkingSetKbPerCircuit:0.0} KB/circuit, machine memory available {AvailableMegabytes:N0} MB");
}
