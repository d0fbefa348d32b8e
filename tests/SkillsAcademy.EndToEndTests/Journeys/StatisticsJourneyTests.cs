using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SkillsAcademy.Domain.Statistics;
using SkillsAcademy.TestUtilities;
using SkillsAcademy.Web.Features.Statistics;
using static SkillsAcademy.TestUtilities.StatisticsWorld;

namespace SkillsAcademy.EndToEndTests.Journeys;

/// <summary>Federation staff read the dashboard on a phone: filter by city and occupation, drill into regions, see charts.</summary>
public sealed class StatisticsJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private T Service<T>() where T : notnull => browser.Factory.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    private static History SampleHistory()
    {
        var start = StatisticsWorld.Calendar.StartOfDayUtc(FirstDay).AddHours(11);
        var segments = new List<Segment>();
        for (var i = 0; i < 60; i++)
        {
            segments.Add(new Segment(i % 8, i % 3, start.AddDays(i % Days).AddMinutes(i), 300 + (i * 7)));
        }

        return new History(
            segments,
            [
                new EnrolmentRecord(0, 0, start, start.AddDays(20), start.AddDays(20).AddHours(1), start.AddMinutes(1)),
                new EnrolmentRecord(1, 0, start.AddDays(2), null, null, null),
                new EnrolmentRecord(3, 2, start.AddDays(5), start.AddDays(30), null, null),
            ],
            [new AttemptRecord(0, 0, start.AddDays(3), true), new AttemptRecord(1, 0, start.AddDays(4), false)]);
    }

    [Fact]
    public async Task Staff_filter_by_a_city_and_an_occupation_and_drill_from_the_province_into_its_cities()
    {
        var world = await CreateAsync(browser.Factory, "E2E");
        var history = SampleHistory();
        await world.WriteAsync(browser.Factory, history);
        await Service<StatisticsRollup>().RebuildAsync(FirstDay, FirstDay.AddDays(Days - 1), RollupTrigger.Manual, "e2e");
        var occupation = world.Courses[0].OccupationId;
        var whole = new StatisticsFilter { From = FirstDay, To = FirstDay.AddDays(Days - 1) };
        var fuzhouWelding = whole with { RegionCode = "350100", OccupationId = occupation };

        var page = await browser.NewPhonePageAsync();
        await page.LogInAsync(SkillsAcademyWebFactory.StaffAccount, "/federation/statistics");
        await page.WaitForInteractiveAsync();
        await page.Locator("#filter-from").FillAsync(FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.Locator("#filter-from").DispatchEventAsync("change");
        await page.Locator("#filter-to").FillAsync(FirstDay.AddDays(Days - 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.Locator("#filter-to").DispatchEventAsync("change");
        await Assertions.Expect(page.Locator("#kpi-person-times")).ToContainTextAsync(world.Expected(history, whole).PersonTimes.ToString("N0", CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("#freshness")).ToContainTextAsync("202");

        // Province → its cities in the region chart's drill list and in the table.
        await page.Locator("#filter-province").SelectOptionAsync("350000");
        await Assertions.Expect(page.Locator("#statistics-rows")).ToContainTextAsync("福州市");
        await page.Locator("#filter-city").SelectOptionAsync("350100");
        await page.Locator("#filter-occupation").SelectOptionAsync(occupation.ToString(CultureInfo.InvariantCulture));

        var expected = world.Expected(history, fuzhouWelding);
        expected.Learners.ShouldBeGreaterThan(0);
        await Assertions.Expect(page.Locator("#kpi-learners")).ToContainTextAsync(expected.Learners.ToString("N0", CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("#kpi-person-times")).ToContainTextAsync(expected.PersonTimes.ToString("N0", CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("#kpi-credit-hours")).ToContainTextAsync(expected.CreditHours.ToString("N2", CultureInfo.InvariantCulture));

        // Counties of Fuzhou in the table; the charts are drawn.
        await Assertions.Expect(page.Locator("#statistics-rows")).ToContainTextAsync("鼓楼区");
        await Assertions.Expect(page.Locator("#trend-chart svg").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#region-chart svg").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#occupation-chart svg").First).ToBeVisibleAsync();

        // The provincial report layout in the table: region × occupation.
        await page.Locator("#table-layout").SelectOptionAsync(((int)StatisticsLayout.ProvincialReport).ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("#statistics-rows")).ToContainTextAsync("鼓楼区");

        // Exports of this filter: the provincial layout as CSV, then as XLSX; both are built in the background.
        await page.Locator("#export-csv").ClickAsync();
        await Assertions.Expect(page.Locator("#statistics-export-list .sa-export-download")).ToHaveCountAsync(1, new() { Timeout = 60_000 });
        await page.Locator("#export-xlsx").ClickAsync();
        await Assertions.Expect(page.Locator("#statistics-export-list .sa-export-download")).ToHaveCountAsync(2, new() { Timeout = 60_000 });
        var links = await page.Locator("#statistics-export-list .sa-export-download").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        var files = new List<byte[]>();
        foreach (var href in links)
        {
            var response = await page.Context.APIRequest.GetAsync(href);
            response.Status.ShouldBe(200);
            files.Add(await response.BodyAsync());
        }

        var csv = files.Single(f => f[..3].SequenceEqual(new byte[] { 0xEF, 0xBB, 0xBF }));
        var text = System.Text.Encoding.UTF8.GetString(csv[3..]);
        text.ShouldStartWith("地区,职业");
        text.ShouldContain("鼓楼区");
        var xlsx = files.Single(f => f[0] == (byte)'P' && f[1] == (byte)'K');
        using var stream = new MemoryStream(xlsx);
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        rows[0].Keys.ShouldContain("培训人次");
        var total = rows[^1];
        Convert.ToInt32(total["培训人次"], CultureInfo.InvariantCulture).ShouldBe(expected.PersonTimes);
        Convert.ToInt32(total["学员人数"], CultureInfo.InvariantCulture).ShouldBe(expected.Learners);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "statistics-390.png"), FullPage = true });
        await page.ExpectNoSeriousAccessibilityViolationsAsync();

        // The rollup page shows the run and its progress.
        await page.Locator("#rollups-link").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/federation/statistics/rollups$"));
        await Assertions.Expect(page.Locator("#last-manual")).Not.ToContainTextAsync("从未");
        await page.ExpectNoSeriousAccessibilityViolationsAsync();
    }
}
