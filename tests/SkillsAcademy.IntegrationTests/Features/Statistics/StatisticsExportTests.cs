using System.Globalization;
using System.Net;
using CsvHelper;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using SkillsAcademy.Domain.Certificates;
using SkillsAcademy.Domain.People;
using SkillsAcademy.Domain.Statistics;
using SkillsAcademy.Infrastructure.Identity;
using SkillsAcademy.IntegrationTests.Features.Learning;
using SkillsAcademy.TestUtilities;
using SkillsAcademy.Web.Features.Statistics;
using SkillsAcademy.Web.Resources;
using static SkillsAcademy.TestUtilities.StatisticsWorld;

namespace SkillsAcademy.IntegrationTests.Features.Statistics;

/// <summary>
/// Statistics exports end to end: requested through the service, built by the Hangfire job, parsed back with CsvHelper
/// and MiniExcel and compared with what the dashboard shows (StatisticsService.RowsAsync and MeasuresAsync).
/// </summary>
public sealed class StatisticsExportTests(ClockedAppFixture app) : IClassFixture<ClockedAppFixture>
{
    private static readonly DateOnly From = new(2026, 9, 1);
    private static readonly DateOnly To = new(2026, 10, 31);

    private static readonly string[] ChineseHeaders =
        ["培训人次", "学员人数", "学时", "新增报名", "结业人数", "发证数", "测验次数", "测验通过率(%)", "核销培训券", "核销金额(元)"];

    private static readonly string[] ProvincialHeaders = ["地区", "职业", "培训人次", "学员人数", "学时", "结业人数", "发证数", "核销培训券", "核销金额(元)"];

    private static readonly SemaphoreSlim OneHistory = new(1, 1);
    private static bool _written;

    private T Service<T>() where T : notnull => app.Factory.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    private static DateTimeOffset At(int month, int day, int hour = 10) => StatisticsWorld.Calendar.StartOfDayUtc(new DateOnly(2026, month, day)).AddHours(hour);

    /// <summary>
    /// Learner 0 (Fuzhou) studies a course of each occupation, learner 1 (Fuzhou) studies in September and October,
    /// learner 3 is in Xiamen, learner 4 in Quanzhou, learner 5 has no profile: so in the provincial report learner 0
    /// is in two rows, and by month learners 0 and 1 are in two rows — the totals are not the sums of the rows.
    /// </summary>
    private async Task WriteHistoryAsync()
    {
        await OneHistory.WaitAsync();
        try
        {
            if (_written)
            {
                return;
            }

            var world = await CreateAsync(app.Factory, "EX");
            await ClearAsync(app.Factory);
            var history = new History(
                [
                    new Segment(0, 0, At(9, 2), 1800), new Segment(0, 2, At(9, 3), 2700), new Segment(0, 0, At(10, 5), 900),
                    new Segment(1, 0, At(9, 10), 1200), new Segment(1, 0, At(10, 12), 600),
                    new Segment(3, 1, At(9, 15), 3000),
                    new Segment(4, 2, At(10, 21), 999),
                    new Segment(5, 2, At(10, 20), 450),
                ],
                [
                    new EnrolmentRecord(0, 0, At(9, 1), At(10, 6), At(10, 6, 11), At(9, 1, 11)),
                    new EnrolmentRecord(0, 2, At(9, 3), null, null, null),
                    new EnrolmentRecord(1, 0, At(9, 10), At(10, 13), null, At(9, 10, 11)),
                    new EnrolmentRecord(3, 1, At(9, 15), At(9, 30), At(9, 30, 11), null),
                ],
                [
                    new AttemptRecord(0, 0, At(9, 5), true), new AttemptRecord(1, 0, At(9, 11), false),
                    new AttemptRecord(3, 1, At(9, 20), true), new AttemptRecord(0, 2, At(9, 21), false),
                ]);
            await world.WriteAsync(app.Factory, history);
            await Service<StatisticsRollup>().RebuildAsync(FirstDay, FirstDay.AddDays(Days - 1), RollupTrigger.Manual, "test");
            _written = true;
        }
        finally
        {
            OneHistory.Release();
        }
    }

    private async Task<Guid> StaffIdAsync(string userName = SkillsAcademyWebFactory.StaffAccount)
    {
        await using var db = await NewContextAsync(app.Factory);
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    private static async Task<T> InCultureAsync<T>(string culture, Func<Task<T>> action)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return await action();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>Requests an export in the given UI language and waits (at most a minute) for the Hangfire job to finish it.</summary>
    private async Task<(Guid Id, StatisticsExportFile File)> ExportAsync(Guid staff, StatisticsFilter filter, StatisticsLayout layout, StatisticsFileFormat format, string culture = "zh-CN")
    {
        var result = await InCultureAsync(culture, () => Service<StatisticsExportService>().RequestAsync(staff, filter, layout, format));
        result.Problems.ShouldBeEmpty();
        var id = result.ExportId!.Value;
        StatisticsExport? export = null;
        for (var i = 0; i < 240 && export?.Status is not (ExportStatus.Completed or ExportStatus.Failed); i++)
        {
            await Task.Delay(250);
            await using var db = await NewContextAsync(app.Factory);
            export = await db.StatisticsExports.AsNoTracking().SingleAsync(e => e.Id == id);
        }

        export.ShouldNotBeNull();
        export.Status.ShouldBe(ExportStatus.Completed, "the job finished within a minute");
        export.Percent.ShouldBe(100);
        export.Done.ShouldBe(export.Total);
        return (id, (await Service<StatisticsExportService>().FileAsync(staff, id)).ShouldNotBeNull());
    }

    public static TheoryData<StatisticsLayout, StatisticsFileFormat, string?> Exports => new()
    {
        { StatisticsLayout.ProvincialReport, StatisticsFileFormat.Csv, "350000" },
        { StatisticsLayout.ProvincialReport, StatisticsFileFormat.Xlsx, "350000" },
        { StatisticsLayout.ByRegion, StatisticsFileFormat.Xlsx, "350000" },
        { StatisticsLayout.ByMonth, StatisticsFileFormat.Csv, null },
    };

    [Theory]
    [MemberData(nameof(Exports))]
    public async Task An_export_parses_back_to_the_dashboard_figures_and_its_total_row_is_the_whole_filter_not_the_sum(
        StatisticsLayout layout, StatisticsFileFormat format, string? region)
    {
        await WriteHistoryAsync();
        var staff = await StaffIdAsync();
        var filter = new StatisticsFilter { From = From, To = To, RegionCode = region };

        var (_, file) = await ExportAsync(staff, filter, layout, format);

        var (dashboardRows, overall) = await InCultureAsync("zh-CN", async () =>
            (await Service<StatisticsService>().RowsAsync(filter, layout), await Service<StatisticsService>().MeasuresAsync(filter)));
        dashboardRows.Count.ShouldBeGreaterThan(1);
        var (headers, cells) = format == StatisticsFileFormat.Csv ? await ReadCsvAsync(file.Path) : ReadXlsx(file.Path);
        var provincial = layout == StatisticsLayout.ProvincialReport;
        headers.ShouldBe(provincial ? ProvincialHeaders : [layout == StatisticsLayout.ByMonth ? "月份" : "地区", .. ChineseHeaders]);

        var expected = dashboardRows.Select(r => Figures.Of(r, provincial))
            .Append(Figures.Of(new StatisticsRow("", "合计", provincial ? "" : null, null, overall), provincial))
            .ToList();
        var actual = cells.Select(c => Figures.Parse(headers, c, provincial)).ToList();
        actual.ShouldBe(expected);

        // In the provincial report and by month, learners 0 and 1 are in two rows each: summing would overcount them.
        // A learner has one region, so by region the rows do add up.
        var summed = actual[..^1].Sum(f => f.Learners);
        if (layout == StatisticsLayout.ByRegion)
        {
            summed.ShouldBe(overall.Learners);
        }
        else
        {
            summed.ShouldBeGreaterThan(overall.Learners);
        }

        actual[^1].Learners.ShouldBe(overall.Learners);
        actual[^1].PersonTimes.ShouldBe(overall.PersonTimes);
    }

    [Fact]
    public async Task A_csv_starts_with_the_utf8_byte_order_mark()
    {
        await WriteHistoryAsync();
        var (_, file) = await ExportAsync(await StaffIdAsync(), new StatisticsFilter { From = From, To = To }, StatisticsLayout.ByOccupation, StatisticsFileFormat.Csv);

        (await File.ReadAllBytesAsync(file.Path))[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        file.ContentType.ShouldBe("text/csv; charset=utf-8");
    }

    [Fact]
    public async Task Headers_labels_and_the_total_row_are_in_the_requesters_language_whoever_runs_the_job()
    {
        await WriteHistoryAsync();
        var filter = new StatisticsFilter { From = From, To = To };

        var (_, file) = await ExportAsync(await StaffIdAsync(), filter, StatisticsLayout.ByRegion, StatisticsFileFormat.Xlsx, culture: "en");

        var (headers, cells) = ReadXlsx(file.Path);
        headers.ShouldBe(["Region", "Person-times", "Learners", "Credit hours", "New enrolments", "Completions", "Certificates issued", "Quiz attempts", "Quiz pass rate (%)", "Vouchers redeemed", "Voucher amount (CNY)"]);
        cells.Select(c => c[0]).ShouldContain("Unknown");
        cells[^1][0].ShouldBe("Total");
        file.FileName.ShouldBe("training-statistics-2026-11-24.xlsx");
    }

    [Fact]
    public async Task Only_the_requester_downloads_the_file_which_is_named_in_chinese()
    {
        await WriteHistoryAsync();
        var staff = await StaffIdAsync();
        var (id, file) = await ExportAsync(staff, new StatisticsFilter { From = From, To = To }, StatisticsLayout.ByLevel, StatisticsFileFormat.Csv);
        var url = $"/federation/statistics/exports/{id}/download";

        using var owner = app.Factory.CreateBrowserlessClient();
        (await owner.LogInAsync(SkillsAcademyWebFactory.StaffAccount, SkillsAcademyWebFactory.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var download = await owner.GetAsync(url);
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.ToString().ShouldBe("text/csv; charset=utf-8");
        download.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("培训统计-2026-11-24.csv");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(await File.ReadAllBytesAsync(file.Path));
        download.Headers.CacheControl!.NoStore.ShouldBeTrue();

        // Another staff member is told it does not exist; a learner is not let in at all.
        const string otherStaff = "other-staff@example.com";
        using (var scope = app.Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = otherStaff, Email = otherStaff, DisplayName = "另一位工作人员", CreatedAt = app.Time.GetUtcNow() };
            (await users.CreateAsync(user, "Other2026")).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, Roles.FederationStaff)).Succeeded.ShouldBeTrue();
        }

        using var other = app.Factory.CreateBrowserlessClient();
        (await other.LogInAsync(otherStaff, "Other2026")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await other.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Service<StatisticsExportService>().FileAsync(await StaffIdAsync(otherStaff), id)).ShouldBeNull();

        using var learner = app.Factory.CreateBrowserlessClient();
        (await learner.LogInAsync(SkillsAcademyWebFactory.LearnerAccount, SkillsAcademyWebFactory.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var refused = await learner.GetAsync(url);
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Headers.Location!.OriginalString.ShouldContain("/account/access-denied");
    }

    [Fact]
    public async Task A_bad_filter_is_refused_with_its_reasons_in_words_and_nothing_is_queued()
    {
        var staff = Guid.NewGuid();
        var bad = new StatisticsFilter { From = To, To = From, RegionCode = "35" };

        var result = await Service<StatisticsExportService>().RequestAsync(staff, bad, StatisticsLayout.ByRegion, StatisticsFileFormat.Csv);

        result.ExportId.ShouldBeNull();
        result.Problems.ShouldBe(["Statistics.Error.RangeReversed", "Statistics.Error.Region"]);
        var localizer = Service<IStringLocalizer<SharedResource>>();
        var messages = await InCultureAsync("zh-CN", () => Task.FromResult(result.Problems.Select(p => localizer[p]).ToList()));
        messages.ShouldAllBe(m => !m.ResourceNotFound);
        messages[0].Value.ShouldBe("结束日期早于开始日期。");
        (await Service<StatisticsExportService>().ListRecentAsync(staff)).ShouldBeEmpty();

        var tooLong = new StatisticsFilter { From = new DateOnly(2000, 1, 1), To = new DateOnly(2026, 1, 1) };
        (await Service<StatisticsExportService>().RequestAsync(staff, tooLong, StatisticsLayout.ByMonth, StatisticsFileFormat.Xlsx)).Problems
            .ShouldBe(["Statistics.Error.RangeTooLong"]);
    }

    [Fact]
    public async Task A_staff_member_with_three_exports_in_progress_is_asked_to_wait()
    {
        var staff = Guid.NewGuid();
        await using (var db = await NewContextAsync(app.Factory))
        {
            // Rows only, no jobs: they stay queued.
            for (var i = 0; i < StatisticsExportService.MaxInProgress; i++)
            {
                db.StatisticsExports.Add(new StatisticsExport(Guid.NewGuid(), staff, StatisticsLayout.ByRegion, StatisticsFileFormat.Csv, "{}", app.Time.GetUtcNow()));
            }

            await db.SaveChangesAsync();
        }

        var result = await Service<StatisticsExportService>().RequestAsync(
            staff, new StatisticsFilter { From = From, To = To }, StatisticsLayout.ByRegion, StatisticsFileFormat.Csv);

        result.ExportId.ShouldBeNull();
        result.Problems.ShouldBe(["Statistics.Export.Error.Busy"]);
        (await Service<StatisticsExportService>().ListRecentAsync(staff)).Count.ShouldBe(StatisticsExportService.MaxInProgress);
    }

    private static async Task<(string[] Headers, List<string?[]> Cells)> ReadCsvAsync(string path)
    {
        await using var stream = File.OpenRead(path);
        await using var csv = CsvReader.Create(stream, new CsvReaderOptions { HasHeader = false }, leaveOpen: false);
        var records = new List<string?[]>();
        while (await csv.ReadAsync())
        {
            records.Add([.. Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i) is { Length: > 0 } text ? text : null)]);
        }

        return ([.. records[0].Select(h => h!)], records[1..]);
    }

    private static (string[] Headers, List<string?[]> Cells) ReadXlsx(string path)
    {
        var rows = MiniExcel.Query(path, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var headers = rows[0].Keys.ToArray();
        return (headers, rows.Select(r => headers.Select(h => Convert.ToString(r[h], CultureInfo.InvariantCulture) is { Length: > 0 } text ? text : null).ToArray()).ToList());
    }

    /// <summary>The figures one line of an export carries, read from the file or taken from a dashboard row.</summary>
    private sealed record Figures(
        string Label, string? Second, int PersonTimes, int Learners, decimal CreditHours, int? NewEnrolments, int Completions, int Certificates,
        int? QuizAttempts, decimal? PassRate, int Vouchers, decimal Amount)
    {
        public static Figures Of(StatisticsRow row, bool provincial)
        {
            var m = row.Measures;
            return new Figures(
                row.Label, provincial ? row.SecondLabel ?? "" : null, m.PersonTimes, m.Learners, m.CreditHours, provincial ? null : m.NewEnrolments,
                m.Completions, m.Certificates, provincial ? null : m.QuizAttempts, provincial ? null : m.PassRatePercent, m.VouchersRedeemed, m.VoucherAmount);
        }

        public static Figures Parse(string[] headers, string?[] cells, bool provincial)
        {
            string? Cell(string header) => cells[Array.IndexOf(headers, header)];
            int Int(string header) => int.Parse(Cell(header)!, CultureInfo.InvariantCulture);
            decimal Dec(string header) => decimal.Parse(Cell(header)!, CultureInfo.InvariantCulture);
            return new Figures(
                cells[0]!, provincial ? Cell("职业") ?? "" : null, Int("培训人次"), Int("学员人数"), Dec("学时"), provincial ? null : Int("新增报名"),
                Int("结业人数"), Int("发证数"), provincial ? null : Int("测验次数"), provincial || Cell("测验通过率(%)") is null ? null : Dec("测验通过率(%)"),
                Int("核销培训券"), Dec("核销金额(元)"));
        }
    }
}
