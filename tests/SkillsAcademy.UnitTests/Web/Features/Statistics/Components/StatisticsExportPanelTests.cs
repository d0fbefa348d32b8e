using System.Security.Claims;
using Bunit;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using SkillsAcademy.Domain.Certificates;
using SkillsAcademy.Domain.Statistics;
using SkillsAcademy.Infrastructure.Files;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.TestUtilities;
using SkillsAcademy.Web.Features.Statistics;
using SkillsAcademy.Web.Features.Statistics.Components;
using SkillsAcademy.Web.Platform;

namespace SkillsAcademy.UnitTests.Web.Features.Statistics.Components;

/// <summary>The export panel on a real service over a SQLite file; the clock (and so the polling timer) is fake.</summary>
public sealed class StatisticsExportPanelTests : BunitContext
{
    private static readonly StatisticsFilter Filter = new() { From = new DateOnly(2026, 9, 1), To = new DateOnly(2026, 10, 31) };

    private readonly TestDataDirectory _data = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 1, 0, 0, TimeSpan.Zero));
    private readonly IBackgroundJobClient _jobs = Substitute.For<IBackgroundJobClient>();
    private readonly PooledDbContextFactory<SkillsAcademyDbContext> _contexts;
    private readonly Guid _staff = Guid.NewGuid();

    public StatisticsExportPanelTests()
    {
        var settings = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_data.Path, "app.db")}", _data.Path, true);
        var options = new DbContextOptionsBuilder<SkillsAcademyDbContext>();
        options.UseSkillsAcademyDatabase(DatabaseProvider.Sqlite, settings.ConnectionString);
        _contexts = new PooledDbContextFactory<SkillsAcademyDbContext>(options.Options);
        using (var db = _contexts.CreateDbContext())
        {
            db.Database.EnsureCreated();
        }

        var localizer = LocalizerFactory.Shared();
        var platform = Options.Create(new PlatformOptions());
        var exports = new StatisticsExportService(
            _contexts, _jobs, new StatisticsService(_contexts, new StatisticsQueries(_contexts, new LearnerActivityCache(_contexts)), localizer), localizer, new FileStoreSettings(Path.Combine(_data.Path, "files")),
            Options.Create(new StatisticsOptions()), platform, _time, NullLogger<StatisticsExportService>.Instance);

        Services.AddLocalization();
        Services.AddMudServices();
        Services.AddSingleton(exports);
        Services.AddSingleton<TimeProvider>(_time);
        Services.AddSingleton(platform);
        JSInterop.Mode = JSRuntimeMode.Loose;
        AddAuthorization().SetAuthorized("staff@demo.skillsacademy.cn").SetClaims(new Claim(ClaimTypes.NameIdentifier, _staff.ToString()));
    }

    private async Task<Guid> AddExportAsync(ExportStatus status, int done, int total, int minutesAgo)
    {
        await using var db = await _contexts.CreateDbContextAsync();
        var export = new StatisticsExport(Guid.NewGuid(), _staff, StatisticsLayout.ProvincialReport, StatisticsFileFormat.Xlsx, "{}", _time.GetUtcNow().AddMinutes(-minutesAgo));
        db.StatisticsExports.Add(export);
        await db.SaveChangesAsync();
        await SetAsync(export.Id, status, done, total);
        return export.Id;
    }

    private async Task SetAsync(Guid id, ExportStatus status, int done, int total)
    {
        await using var db = await _contexts.CreateDbContextAsync();
        await db.StatisticsExports.Where(e => e.Id == id).ExecuteUpdateAsync(set => set
            .SetProperty(e => e.Status, status).SetProperty(e => e.Done, done).SetProperty(e => e.Total, total)
            .SetProperty(e => e.CompletedAt, status == ExportStatus.Completed ? _time.GetUtcNow() : null));
    }

    private IRenderedComponent<StatisticsExportPanel> RenderPanel(StatisticsFilter? filter = null) =>
        LocalizerFactory.InCulture("zh-CN", () => Render<StatisticsExportPanel>(p => p
            .Add(e => e.Filter, filter ?? Filter)
            .Add(e => e.Layout, StatisticsLayout.ByRegion)));

    [Fact]
    public async Task A_running_export_shows_its_progress_and_once_finished_a_download_link_without_a_reload()
    {
        var running = await AddExportAsync(ExportStatus.Running, 250, 1000, minutesAgo: 1);
        var finished = await AddExportAsync(ExportStatus.Completed, 40, 40, minutesAgo: 5);

        var cut = RenderPanel();

        var item = cut.Find($"#export-{running:N}");
        item.GetAttribute("data-status").ShouldBe("Running");
        item.QuerySelector("[role=progressbar]")!.GetAttribute("aria-valuenow").ShouldBe("25");
        item.QuerySelector(".sa-export-status")!.TextContent.Trim().ShouldBe("正在生成（250/1000）");
        item.QuerySelector("a.sa-export-download").ShouldBeNull();
        cut.Find($"#export-{finished:N} a.sa-export-download").GetAttribute("href").ShouldBe($"/federation/statistics/exports/{finished}/download");

        // The job gets further, then finishes; each tick of the one-second timer reads the rows again.
        await SetAsync(running, ExportStatus.Running, 750, 1000);
        _time.Advance(TimeSpan.FromSeconds(1));
        cut.WaitForAssertion(() => cut.Find($"#export-{running:N} [role=progressbar]").GetAttribute("aria-valuenow").ShouldBe("75"));

        await SetAsync(running, ExportStatus.Completed, 1000, 1000);
        _time.Advance(TimeSpan.FromSeconds(1));
        cut.WaitForAssertion(() => cut.Find($"#export-{running:N}").GetAttribute("data-status").ShouldBe("Completed"));
        cut.Find($"#export-{running:N} a.sa-export-download").GetAttribute("href").ShouldBe($"/federation/statistics/exports/{running}/download");
        cut.FindAll("[role=progressbar]").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_failed_export_says_so_and_an_expired_one_offers_no_link()
    {
        var failed = await AddExportAsync(ExportStatus.Failed, 0, 0, minutesAgo: 2);
        var old = await AddExportAsync(ExportStatus.Completed, 40, 40, minutesAgo: 3);
        _time.Advance(TimeSpan.FromHours(25));

        var cut = RenderPanel();

        cut.Find($"#export-{failed:N} .sa-export-status").TextContent.Trim().ShouldBe("生成失败，请缩小筛选范围后重试。");
        cut.Find($"#export-{old:N}").TextContent.ShouldContain("文件已过期");
        cut.FindAll("a.sa-export-download").ShouldBeEmpty();
    }

    [Fact]
    public void Asking_for_the_provincial_report_queues_a_job_and_lists_it_with_a_progress_bar()
    {
        var cut = RenderPanel();
        cut.FindAll("#statistics-export-list").ShouldBeEmpty();

        LocalizerFactory.InCulture("zh-CN", () => { cut.Find("#export-provincial-xlsx").Click(); return 0; });

        cut.WaitForAssertion(() => cut.Find("#export-requested").TextContent.ShouldContain("已开始生成"));
        var item = cut.Find(".sa-statistics-export");
        item.GetAttribute("data-status").ShouldBe("Queued");
        item.TextContent.ShouldContain("省级技能提升报表 · Excel");
        item.QuerySelector("[role=progressbar]")!.GetAttribute("aria-valuenow").ShouldBe("0");
        _jobs.Received(1).Create(Arg.Is<Job>(j => j.Method.Name == nameof(StatisticsExportService.BuildAsync)), Arg.Any<IState>());
    }

    [Fact]
    public void A_bad_filter_is_refused_with_the_reasons_in_words()
    {
        var cut = RenderPanel(Filter with { From = Filter.To, To = Filter.From });

        LocalizerFactory.InCulture("zh-CN", () => { cut.Find("#export-csv").Click(); return 0; });

        cut.WaitForAssertion(() => cut.Find("#export-problems").TextContent.ShouldContain("结束日期早于开始日期。"));
        cut.FindAll(".sa-statistics-export").ShouldBeEmpty();
        _jobs.DidNotReceiveWithAnyArgs().Create(default!, default!);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _data.Dispose();
    }
}
