using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;
using SkillsAcademy.Domain.Assessment;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Web.Features.Assessment;
using SkillsAcademy.Web.Features.Assessment.Components;

namespace SkillsAcademy.UnitTests.Web.Features.Assessment.Components;

public sealed class QuizTakerTests : BunitContext
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 1, 0, 0, TimeSpan.Zero));

    public QuizTakerTests()
    {
        Services.AddLocalization();
        Services.AddMudServices();
        Services.AddSingleton<TimeProvider>(_time);
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private AttemptSheet Sheet(params SheetQuestion[] questions) =>
        new(Guid.NewGuid(), "m-safety", 1, AttemptStatus.Open, _time.GetUtcNow().AddMinutes(10), questions);

    private static SheetQuestion[] ThreeQuestions() =>
    [
        new(1, QuestionType.SingleChoice, "焊接时应佩戴什么？", ["口罩", "焊接面罩", "墨镜"], []),
        new(2, QuestionType.MultipleChoice, "哪些属于劳动防护用品？", ["拖鞋", "焊工手套", "绝缘鞋"], [1]),
        new(3, QuestionType.TrueFalse, "引弧时可以直接用手扶焊条。", ["正确", "错误"], []),
    ];

    private IRenderedComponent<QuizTaker> Render(AttemptSheet sheet, Action<(int, IReadOnlyList<int>)>? onAnswer = null, Action? onSubmit = null) =>
        LocalizerFactoryInChinese(() => Render<QuizTaker>(p => p
            .Add(t => t.Sheet, sheet)
            .Add(t => t.OnAnswer, a => onAnswer?.Invoke(a))
            .Add(t => t.OnSubmit, () => onSubmit?.Invoke())));

    private static T LocalizerFactoryInChinese<T>(Func<T> render) => SkillsAcademy.UnitTests.Web.LocalizerFactory.InCulture("zh-CN", render);

    [Fact]
    public void The_answer_sheet_types_cannot_carry_an_answer_key()
    {
        string[] forbidden = ["Correct", "IsCorrect", "Answer", "Answers", "Explanation", "Key"];
        foreach (var type in new[] { typeof(AttemptSheet), typeof(SheetQuestion) })
        {
            type.GetProperties().Select(p => p.Name).ShouldNotContain(name => forbidden.Contains(name), type.Name);
        }
    }

    [Fact]
    public void The_rendered_quiz_shows_every_option_and_no_correctness_marks()
    {
        var cut = Render(Sheet(ThreeQuestions()));
        cut.Find("#toggle-layout").Click();

        var html = cut.Markup;
        cut.FindAll("fieldset.sa-question").Count.ShouldBe(3);
        cut.FindAll("input[type=radio]").Count.ShouldBe(5);
        cut.FindAll("input[type=checkbox]").Count.ShouldBe(3);
        foreach (var marker in new[] { "correct", "data-answer", "sa-correct", "正确答案", "解析" })
        {
            html.ShouldNotContain(marker, Case.Insensitive);
        }

        // Only the learner's own saved choice is checked.
        cut.FindAll("input:checked").Select(i => i.Id).ShouldBe(["q2-o1"]);
    }

    [Fact]
    public void The_countdown_follows_the_clock_and_submits_when_time_is_up()
    {
        var submitted = 0;
        var cut = Render(Sheet(ThreeQuestions()), onSubmit: () => submitted++);
        cut.Find("#countdown").TextContent.ShouldBe("10:00");

        _time.Advance(TimeSpan.FromSeconds(75));
        cut.WaitForAssertion(() => cut.Find("#countdown").TextContent.ShouldBe("08:45"));
        submitted.ShouldBe(0);

        _time.Advance(TimeSpan.FromMinutes(9));
        cut.WaitForAssertion(() => submitted.ShouldBe(1));
        cut.Find("#countdown").TextContent.ShouldBe("00:00");
        _time.Advance(TimeSpan.FromSeconds(5));
        submitted.ShouldBe(1);
    }

    [Fact]
    public void One_question_per_screen_with_next_previous_and_a_navigator_that_marks_answered_questions()
    {
        var cut = Render(Sheet(ThreeQuestions()));

        cut.FindAll("fieldset.sa-question").ShouldHaveSingleItem().Id.ShouldBe("question-1");
        cut.Find("#previous-question").HasAttribute("disabled").ShouldBeTrue();
        cut.Find("#next-question").Click();
        cut.Find("fieldset.sa-question").Id.ShouldBe("question-2");
        cut.FindAll("#question-navigator button")[2].Click();
        cut.Find("fieldset.sa-question").Id.ShouldBe("question-3");
        cut.FindAll("#next-question").ShouldBeEmpty();

        var navigator = cut.FindAll("#question-navigator button");
        navigator.Select(b => b.GetAttribute("aria-label")).ShouldBe(["第 1 题（未答）", "第 2 题（已答）", "第 3 题（未答）"]);
        navigator[2].GetAttribute("aria-current").ShouldBe("step");
        cut.Find("#answered-count").TextContent.ShouldBe("已答 1 / 3 题");
    }

    [Fact]
    public void Choosing_sends_the_display_indexes_at_once_and_multiple_choice_keeps_several()
    {
        var answers = new List<(int, IReadOnlyList<int>)>();
        var cut = Render(Sheet(ThreeQuestions()), onAnswer: answers.Add);

        cut.Find("#q1-o1").Change(true);
        cut.Find("#next-question").Click();
        cut.Find("#q2-o2").Change(true);
        cut.Find("#q2-o1").Change(false);

        answers.Select(a => (a.Item1, string.Join(",", a.Item2))).ShouldBe([(1, "1"), (2, "1,2"), (2, "2")]);
        cut.Find("#answered-count").TextContent.ShouldBe("已答 2 / 3 题");
    }

    [Fact]
    public void Submitting_with_unanswered_questions_asks_first()
    {
        var submitted = 0;
        var cut = Render(Sheet(ThreeQuestions()), onSubmit: () => submitted++);

        cut.Find("#submit-quiz").Click();
        cut.Find("#confirm-submit").TextContent.ShouldContain("还有 2 道题未作答");
        submitted.ShouldBe(0);
        cut.Find("#keep-answering").Click();
        cut.FindAll("#confirm-submit").ShouldBeEmpty();
        cut.Find("#submit-quiz").Click();
        cut.Find("#submit-anyway").Click();

        submitted.ShouldBe(1);
    }
}
