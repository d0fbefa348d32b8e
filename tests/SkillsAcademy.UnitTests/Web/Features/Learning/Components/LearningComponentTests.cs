using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Web.Features.Learning;
using SkillsAcademy.Web.Features.Learning.Components;

namespace SkillsAcademy.UnitTests.Web.Features.Learning.Components;

public sealed class LearningComponentTests : BunitContext
{
    private static readonly DateOnly _today = new(2026, 11, 24);

    public LearningComponentTests()
    {
        Services.AddLocalization();
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private static LessonProgressView Lesson(string title, int creditedSeconds, int requiredMinutes, bool complete = false, int minutesAgo = -1) =>
        new(Guid.NewGuid(), title, LessonKind.Article, requiredMinutes + 5, requiredMinutes, creditedSeconds, 0, null,
            complete ? new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero) : null,
            minutesAgo < 0 ? null : new DateTimeOffset(2026, 11, 24, 1, 0, 0, TimeSpan.Zero).AddMinutes(-minutesAgo));

    private static CourseProgress Course(params ModuleProgress[] modules) =>
        new("WELD-1", "焊工入门", new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), null, modules);

    [Theory]
    [InlineData(0, "0")]
    [InlineData(42, "42")]
    [InlineData(100, "100")]
    [InlineData(130, "100")]
    [InlineData(-5, "0")]
    public void A_progress_bar_announces_its_value_clamped_to_0_to_100(int percent, string announced)
    {
        var cut = Render<ProgressBar>(p => p.Add(b => b.Percent, percent).Add(b => b.Label, "课程进度"));

        var bar = cut.Find("[role=progressbar]");
        bar.GetAttribute("aria-valuenow").ShouldBe(announced);
        bar.GetAttribute("aria-label").ShouldBe("课程进度");
        cut.Find(".sa-progress-fill").GetAttribute("style").ShouldBe($"width: {announced}%");
        cut.Find(".sa-progress-text").TextContent.ShouldBe($"{announced}%");
    }

    [Fact]
    public void The_outline_shows_course_and_module_progress_and_marks_done_and_current_lessons()
    {
        var done = Lesson("触电防护", 20 * 60, 16, complete: true);
        var current = Lesson("弧光防护", 8 * 60, 16);
        var untouched = Lesson("防火防爆", 0, 16);
        var quiz = new QuizProgress("m-safety", false, 40, 1, 3, 60);
        var course = Course(new ModuleProgress("安全", "safety", quiz, [done, current]), new ModuleProgress("设备", "equipment", null, [untouched]));

        var cut = LocalizerFactory.InCulture("zh-CN", () => Render<CourseOutline>(p => p.Add(o => o.Course, course).Add(o => o.CurrentLesson, current.Key)));

        // Requirements: three lessons and one quiz; one lesson is done.
        cut.Find("#course-progress").GetAttribute("aria-valuenow").ShouldBe("25");
        cut.FindAll(".sa-syllabus > li [role=progressbar]").Select(b => b.GetAttribute("aria-valuenow")).ShouldBe(["33", "0"]);
        var quizLink = cut.Find("a.sa-quiz-link");
        quizLink.GetAttribute("href").ShouldBe("/learning/WELD-1/quizzes/m-safety");
        quizLink.TextContent.ShouldContain("小结测试");
        quizLink.TextContent.ShouldContain("最高 40 分（60 分及格）");
        var links = cut.FindAll(".sa-lessons a:not(.sa-quiz-link)");
        links.Select(a => a.GetAttribute("href")).ShouldBe([.. new[] { done, current, untouched }.Select(l => $"/learning/WELD-1/lessons/{l.Key}")]);
        links[0].TextContent.ShouldContain("已完成");
        links[1].TextContent.ShouldContain("已学 8 / 16 分钟");
        links[1].GetAttribute("aria-current").ShouldBe("page");
        links[0].HasAttribute("aria-current").ShouldBeFalse();
    }

    [Fact]
    public void Continue_picks_the_unfinished_lesson_studied_last_then_the_first_unfinished()
    {
        var first = Lesson("一", 0, 10);
        var studiedEarlier = Lesson("二", 60, 10, minutesAgo: 30);
        var studiedLast = Lesson("三", 60, 10, minutesAgo: 5);
        var finished = Lesson("四", 900, 10, complete: true, minutesAgo: 1);

        Course(new ModuleProgress("m", "m", null, [first, studiedEarlier, studiedLast, finished])).ContinueWith!.Key.ShouldBe(studiedLast.Key);
        Course(new ModuleProgress("m", "m", null, [finished, first])).ContinueWith!.Key.ShouldBe(first.Key);
        Course(new ModuleProgress("m", "m", null, [finished])).ContinueWith.ShouldBeNull();
    }

    [Fact]
    public void The_check_in_card_shows_the_streak_and_marks_the_days_checked_in_this_month()
    {
        var summary = new CheckInSummary(_today, true, 3, new HashSet<DateOnly> { _today, _today.AddDays(-1), _today.AddDays(-2), new(2026, 11, 10) });

        var cut = LocalizerFactory.InCulture("zh-CN", () => Render<CheckInCard>(p => p.Add(c => c.Summary, summary)));

        cut.Find("#streak").TextContent.ShouldContain("3");
        cut.FindAll("td.sa-day-checked").Select(d => d.TextContent).ShouldBe(["10", "22", "23", "24"]);
        cut.Find("td.sa-day-today").TextContent.ShouldBe("24");
        cut.FindAll("td.sa-day").Count.ShouldBe(30);
        // November 2026 starts on a Sunday: six empty cells before the 1st in a Monday-first week.
        cut.FindAll("tbody tr").First().QuerySelectorAll("td").Select(d => d.TextContent).ShouldBe(["", "", "", "", "", "", "1"]);
        cut.Find("#check-in").TextContent.ShouldContain("已签到");
    }

    [Fact]
    public void Tapping_check_in_calls_back_and_shows_the_message()
    {
        var tapped = 0;
        var summary = new CheckInSummary(_today, false, 0, new HashSet<DateOnly>());

        var cut = LocalizerFactory.InCulture("zh-CN", () => Render<CheckInCard>(p => p
            .Add(c => c.Summary, summary)
            .Add(c => c.Message, "今天已经签到过了")
            .Add(c => c.OnCheckIn, () => tapped++)));
        cut.Find("#check-in").Click();

        tapped.ShouldBe(1);
        cut.Find("#check-in-message").TextContent.ShouldBe("今天已经签到过了");
        cut.Find("#check-in").TextContent.ShouldContain("签到");
        cut.FindAll("td.sa-day-checked").ShouldBeEmpty();
    }
}
