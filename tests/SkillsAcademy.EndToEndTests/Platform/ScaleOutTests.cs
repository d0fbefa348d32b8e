using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Hangfire;
using Hangfire.Storage.SQLite;
using Microsoft.Playwright;
using SkillsAcademy.Infrastructure.Jobs;
using SkillsAcademy.TestUtilities;
using SkillsAcademy.Web.Features.Learning;

namespace SkillsAcademy.EndToEndTests.Platform;

/// <summary>
/// Two nodes behind nginx (see <see cref="ScaleOutFixture"/>): sticky circuits, a sign-in cookie and job schedules
/// shared through the database, and a node that dies without losing what it committed.
/// </summary>
public sealed partial class ScaleOutTests(ScaleOutFixture cluster) : IClassFixture<ScaleOutFixture>
{
    private const string AuthCookie = "SkillsAcademy.Auth";
    private const string RouteCookie = "sa_route";

    [Fact]
    public void The_database_is_prepared_by_the_one_shot_migrate_run_before_the_nodes_start()
    {
        // The nodes run with Database:MigrateOnStartup=false and passed their readiness check on this database.
        cluster.MigrateOutput.ShouldContain("数据库已就绪（Sqlite）");
        cluster.Node(0).HasExited.ShouldBeFalse();
        cluster.Node(1).HasExited.ShouldBeFalse();
    }

    [Fact]
    public async Task A_learner_signs_in_and_studies_a_lesson_through_nginx_on_one_sticky_node()
    {
        var page = await cluster.NewPhonePageAsync();

        await page.LogInAsync(SkillsAcademyWebFactory.LearnerAccount, "/courses/WELD-L5-SMAW");
        await page.WaitForStaticPageAsync();
        await page.ClickAsync("#enrol");
        await Assertions.Expect(page.Locator("#continue")).ToContainTextAsync("开始学习");
        await page.ClickAsync("#continue");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("#lesson-article")).ToBeVisibleAsync();
        // The circuit reports over the WebSocket that nginx upgraded; the node credits the time.
        await Assertions.Expect(page.Locator("#lesson-progress")).Not.ToHaveAttributeAsync("aria-valuenow", "0", new() { Timeout = 30_000 });
        (await CreditedSecondsAsync(page)).ShouldBeGreaterThan(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "scale-out-lesson-390.png"), FullPage = true });

        var cookies = await page.Context.CookiesAsync();
        var route = cookies.Single(c => c.Name == RouteCookie).Value;
        // nginx forwarded the https scheme: the node marked its sign-in cookie Secure.
        cookies.Single(c => c.Name == AuthCookie).Secure.ShouldBeTrue();
        await page.Context.CloseAsync();

        // nginx logs a WebSocket once it closes; every request of this visitor, the circuit included, went to one node.
        var mine = await WaitForAsync(
            () => cluster.Proxy.RoutedRequests().Where(r => r.RouteKey == route).ToList(),
            requests => requests.Any(r => r.Status == "101" && r.RequestLine.Contains("/_blazor", StringComparison.Ordinal)),
            "the circuit's WebSocket in nginx's access log");
        mine.Count.ShouldBeGreaterThan(5);
        mine.Select(r => r.Node).Distinct().ShouldHaveSingleItem();
        cluster.NodeIndexOf(mine[0].Node).ShouldBeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public async Task A_sign_in_cookie_issued_by_one_node_is_accepted_by_the_other()
    {
        var cookies = new CookieContainer();
        using var nodeA = DirectClient(0, cookies);
        using var nodeB = DirectClient(1, cookies);
        using (var anonymous = DirectClient(1, new CookieContainer()))
        {
            (await anonymous.GetAsync("/learning")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await LogInAsync(nodeA, SkillsAcademyWebFactory.LearnerAccount)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var learningOnB = await nodeB.GetAsync("/learning");

        learningOnB.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await learningOnB.Content.ReadAsStringAsync()).ShouldContain("张伟");

        // And the other way round, for a role-protected page.
        var staffCookies = new CookieContainer();
        using var staffOnB = DirectClient(1, staffCookies);
        using var staffOnA = DirectClient(0, staffCookies);
        (await LogInAsync(staffOnB, SkillsAcademyWebFactory.StaffAccount)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await staffOnA.GetAsync("/federation/review")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_recurring_job_fires_once_per_schedule_across_both_nodes()
    {
        using var storage = OpenJobStorage();
        await WaitForAsync(() => RunningServers(storage), servers => servers == 2, "a Hangfire server on each node");

        // The sweep is due every 5 s (at :00, :05, …) and both nodes' schedulers look every second, so a scheduler
        // that did not hold the storage's lock would trigger an occurrence twice, a second or so apart.
        var runs = await WaitForAsync(
            () => RecurringRuns(storage, StudySegmentSweepJob.RecurringJobId),
            found => found.Count >= 6,
            "six runs of the recurring sweep");

        // Hangfire records when it triggered each run (Unix seconds); a run belongs to the latest occurrence before it.
        runs.GroupBy(r => r.TriggeredAt - r.TriggeredAt % ScaleOutFixture.SweepSeconds)
            .Where(g => g.Count() > 1)
            .Select(g => $"occurrence {g.Key}: jobs {string.Join(", ", g.Select(r => $"{r.JobId}@{r.TriggeredAt}"))}")
            .ShouldBeEmpty("one schedule occurrence was triggered more than once");
    }

    [Fact]
    public async Task Each_enqueued_job_runs_on_exactly_one_node()
    {
        using var storage = OpenJobStorage();
        await WaitForAsync(() => RunningServers(storage), servers => servers == 2, "a Hangfire server on each node");
        var client = new BackgroundJobClient(storage);

        var jobIds = Enumerable.Range(0, 40).Select(_ => client.Enqueue<HousekeepingJob>(job => job.RunAsync(CancellationToken.None))).ToList();

        var monitoring = storage.GetMonitoringApi();
        await WaitForAsync(
            () => jobIds.Count(id => monitoring.JobDetails(id)?.History.FirstOrDefault()?.StateName == "Succeeded"),
            succeeded => succeeded == jobIds.Count,
            "all enqueued jobs to succeed");
        foreach (var id in jobIds)
        {
            var history = monitoring.JobDetails(id).History;
            history.Count(h => h.StateName == "Processing").ShouldBe(1, $"job {id} was picked up more than once: " + string.Join(" | ", history.Select(h => $"{h.StateName} {h.Reason} {string.Join(",", h.Data.Select(d => d.Key + "=" + d.Value))}")));
            history.Count(h => h.StateName == "Succeeded").ShouldBe(1);
        }
    }

    [Fact]
    public async Task When_a_node_dies_new_visitors_are_served_by_the_other_and_nothing_it_committed_is_lost()
    {
        // A signed-in visitor; its sticky route names the node that is about to die.
        var visitorCookies = new CookieContainer();
        using var visitor = cluster.Proxy.CreateClient(visitorCookies);
        (await LogInAsync(visitor, SkillsAcademyWebFactory.LearnerAccount)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var route = visitorCookies.GetCookies(cluster.Proxy.BaseAddress)[RouteCookie]!.Value;
        visitorCookies.GetCookies(cluster.Proxy.BaseAddress)[AuthCookie]!.Secure.ShouldBeTrue();
        var victim = cluster.NodeIndexOf(cluster.Proxy.RoutedRequests().Last(r => r.RouteKey == route).Node);
        victim.ShouldBeGreaterThanOrEqualTo(0);

        // That node commits a registration (the 302 comes after the commit), then dies at once with SIGKILL.
        var newcomerCookies = new CookieContainer();
        newcomerCookies.Add(cluster.Proxy.BaseAddress, new System.Net.Cookie(RouteCookie, route));
        using (var newcomer = cluster.Proxy.CreateClient(newcomerCookies))
        {
            using var registered = await SubmitFormAsync(newcomer, "/account/register", "register", new Dictionary<string, string>
            {
                ["Input.Account"] = "13905910077",
                ["Input.DisplayName"] = "节点故障测试学员",
                ["Input.Password"] = "Weld2026",
                ["Input.ConfirmPassword"] = "Weld2026",
            });
            registered.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        cluster.NodeIndexOf(cluster.Proxy.RoutedRequests().Last(r => r.RouteKey == route).Node).ShouldBe(victim);
        cluster.Node(victim).Kill();
        try
        {
            var survivor = cluster.NodeAddresses[1 - victim].Authority;
            var before = cluster.Proxy.RoutedRequests().Count;

            // New visitors: every one is served, by the surviving node.
            for (var i = 0; i < 6; i++)
            {
                using var stranger = cluster.Proxy.CreateClient();
                (await stranger.GetAsync("/catalog")).StatusCode.ShouldBe(HttpStatusCode.OK);
            }

            // The signed-in visitor whose node died is still signed in on the other one.
            (await visitor.GetAsync("/learning")).StatusCode.ShouldBe(HttpStatusCode.OK);
            // What the dead node committed is there: the new account signs in.
            using (var returning = cluster.Proxy.CreateClient())
            {
                (await LogInAsync(returning, "13905910077", "Weld2026")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
                (await returning.GetAsync("/learning")).StatusCode.ShouldBe(HttpStatusCode.OK);
            }

            var after = cluster.Proxy.RoutedRequests().ToArray()[before..];
            after.Where(r => r.Status != "502").Select(r => r.Node.Split(", ")[^1]).Distinct().ShouldBe([survivor]);
        }
        finally
        {
            // The node comes back, as a restarted container would, for the other tests of this class.
            await cluster.StartNodeAsync(victim);
        }
    }

    /// <summary>GETs the page, then posts the named static form with its antiforgery token, as a browser without scripts would.</summary>
    private static async Task<HttpResponseMessage> SubmitFormAsync(HttpClient client, string path, string formName, IReadOnlyDictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(path);
        var token = AntiforgeryToken().Match(page);
        token.Success.ShouldBeTrue($"no antiforgery token on {path}");
        var form = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups["value"].Value),
            ["_handler"] = formName,
        };
        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    [GeneratedRegex("""name="__RequestVerificationToken" value="(?<value>[^"]+)""")]
    private static partial Regex AntiforgeryToken();

    private HttpClient DirectClient(int node, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        {
            BaseAddress = cluster.NodeAddresses[node],
            Timeout = TimeSpan.FromSeconds(30),
        };

    private static Task<HttpResponseMessage> LogInAsync(HttpClient client, string account, string password = SkillsAcademyWebFactory.DemoPassword) =>
        SubmitFormAsync(client, "/account/login", "login", new Dictionary<string, string>
        {
            ["Input.Account"] = account,
            ["Input.Password"] = password,
        });

    /// <summary>The nodes' Hangfire storage, read from this process.</summary>
    private SQLiteStorage OpenJobStorage()
    {
        // Hangfire logs through a static provider that an in-process host of another test class may have set and
        // disposed; this process only reads, so it logs nothing.
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(new SilentLogProvider());
        return new SQLiteStorage(cluster.HangfireDatabase, new SQLiteStorageOptions());
    }

    private int RunningServers(SQLiteStorage storage)
    {
        // Hangfire names each server "{machine}:{process id}" (HangfireSetup); count only the live nodes' ones.
        var names = storage.GetMonitoringApi().Servers().Select(s => s.Name).ToList();
        return Enumerable.Range(0, 2).Count(i =>
            !cluster.Node(i).HasExited && names.Any(n => n.StartsWith($"{Environment.MachineName}:{cluster.Node(i).Id}", StringComparison.OrdinalIgnoreCase)));
    }

    private static List<RecurringRun> RecurringRuns(SQLiteStorage storage, string recurringJobId)
    {
        var monitoring = storage.GetMonitoringApi();
        using var connection = storage.GetConnection();
        var jobIds = monitoring.SucceededJobs(0, 1000).Select(j => j.Key)
            .Concat(monitoring.ProcessingJobs(0, 1000).Select(j => j.Key))
            .Concat(monitoring.EnqueuedJobs("default", 0, 1000).Select(j => j.Key))
            .Concat(monitoring.FailedJobs(0, 1000).Select(j => j.Key))
            .Distinct();
        return jobIds
            .Where(id => connection.GetJobParameter(id, "RecurringJobId")?.Trim('"') == recurringJobId)
            .Select(id => new RecurringRun(id, long.Parse(connection.GetJobParameter(id, "Time"), CultureInfo.InvariantCulture)))
            .ToList();
    }

    private static async Task<T> WaitForAsync<T>(Func<T> read, Func<T, bool> done, string what)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var value = read();
            if (done(value))
            {
                return value;
            }

            (DateTime.UtcNow < deadline).ShouldBeTrue($"gave up waiting for {what}; last seen: {value}");
            await Task.Delay(250);
        }
    }

    private static async Task<int> CreditedSecondsAsync(IPage page)
    {
        var time = CreditedTime().Match(await page.Locator("#credited").InnerTextAsync());
        return int.Parse(time.Groups[1].Value, CultureInfo.InvariantCulture) * 60 + int.Parse(time.Groups[2].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"(\d+):(\d\d)")]
    private static partial Regex CreditedTime();

    private sealed record RecurringRun(string JobId, long TriggeredAt);

    private sealed class SilentLogProvider : Hangfire.Logging.ILogProvider, Hangfire.Logging.ILog
    {
        public Hangfire.Logging.ILog GetLogger(string name) => this;

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
