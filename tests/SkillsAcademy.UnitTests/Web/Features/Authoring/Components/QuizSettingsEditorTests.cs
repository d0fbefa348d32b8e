using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SkillsAcademy.Domain.Assessment;
using SkillsAcademy.Web.Features.Authoring;
using SkillsAcademy.Web.Features.Authoring.Components;

namespace SkillsAcademy.UnitTests.Web.Features.Authoring.Components;

public sealed class QuizSettingsEditorTests : BunitContext
{
    public QuizSettingsEditorTests()
    {
        Services.AddLocalization();
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Render<MudPopoverProvider>();
    }

    private IRenderedComponent<QuizSettingsEditor> RenderEditor(
        QuizSettings? settings, int bankSize = 9, bool readOnly = false, bool finalExam = false,
        IReadOnlyDictionary<string, string[]>? errors = null, Action<QuizSettingsDraft>? onSave = null) =>
        LocalizerFactory.InCulture("zh-CN", () => Render<QuizSettingsEditor>(p => p
            .Add(e => e.Id, "quiz-safety")
            .Add(e => e.Heading, "小结测试：焊接安全")
            .Add(e => e.Settings, settings)
            .Add(e => e.BankSize, bankSize)
            .Add(e => e.ReadOnly, readOnly)
            .Add(e => e.IsFinalExam, finalExam)
            .Add(e => e.Errors, errors ?? new Dictionary<string, string[]>())
            .Add(e => e.OnSave, d => onSave?.Invoke(d))));

    [Fact]
    public void The_grading_rule_is_stated_in_words()
    {
        var cut = RenderEditor(new QuizSettings(5, 60, 15, 3, ReviewPolicy.AfterEachAttempt));

        var rule = cut.Find("#quiz-safety-rule").TextContent;
        rule.ShouldContain("多选题全部选对才得分，少选、多选均不得分");
        rule.ShouldContain("成绩 = 答对题数 ÷ 抽题数");
    }

    [Fact]
    public void The_bank_size_of_the_module_tag_is_shown()
    {
        var cut = RenderEditor(null, bankSize: 11);

        cut.Find("#quiz-safety-bank").TextContent.ShouldContain("本章题库共有 11 道题");
    }

    [Fact]
    public void The_final_exam_names_the_whole_bank()
    {
        var cut = RenderEditor(null, bankSize: 36, finalExam: true);

        cut.Find("#quiz-safety-bank").TextContent.ShouldContain("整个课程题库共有 36 道题");
        cut.Find("#quiz-safety-none").TextContent.ShouldBe("本课程还没有结业考试。");
    }

    [Fact]
    public void Without_a_quiz_the_instructor_can_start_one_that_fits_the_bank()
    {
        QuizSettingsDraft? saved = null;
        var cut = RenderEditor(null, bankSize: 3, onSave: d => saved = d);

        cut.Find("#quiz-safety-add").Click();
        cut.Find("#quiz-safety-save").Click();

        saved.ShouldNotBeNull();
        saved.QuestionCount.ShouldBe(3);
        (saved.PassPercent, saved.TimeLimitMinutes, saved.AttemptsAllowed, saved.Review).ShouldBe((60, 15, 3, ReviewPolicy.AfterEachAttempt));
    }

    [Fact]
    public void Changed_settings_are_handed_to_the_page_on_save()
    {
        QuizSettingsDraft? saved = null;
        var cut = RenderEditor(new QuizSettings(5, 60, 15, 3, ReviewPolicy.AfterEachAttempt), onSave: d => saved = d);

        cut.Find("#quiz-safety-pass").Change("80");
        cut.Find("#quiz-safety-attempts").Change("0");
        cut.FindAll("#quiz-safety-review input[type=radio]")[2].Click();
        cut.Find("#quiz-safety-save").Click();

        saved.ShouldNotBeNull();
        (saved.QuestionCount, saved.PassPercent, saved.AttemptsAllowed, saved.Review).ShouldBe((5, 80, 0, ReviewPolicy.Never));
    }

    [Fact]
    public void An_invalid_setting_is_named_beside_its_field()
    {
        var errors = new Dictionary<string, string[]> { [nameof(QuizSettingsDraft.QuestionCount)] = ["抽题数 12 多于题库中的 9 道题，请减少抽题数或先补充题目。"] };

        var cut = RenderEditor(new QuizSettings(5, 60, 15, 3, ReviewPolicy.AfterEachAttempt), errors: errors);

        var field = cut.Find("#quiz-safety-count").Closest(".mud-input-control")!;
        field.TextContent.ShouldContain("抽题数 12 多于题库中的 9 道题");
        field.TextContent.ShouldContain("抽题数");
        cut.Find("#quiz-safety-pass").Closest(".mud-input-control")!.TextContent.ShouldNotContain("多于题库");
    }

    [Fact]
    public void Read_only_settings_are_listed_with_unlimited_attempts_in_words()
    {
        var cut = RenderEditor(new QuizSettings(20, 60, 45, 0, ReviewPolicy.AfterPassing), readOnly: true);

        cut.FindAll("input").ShouldBeEmpty();
        var summary = cut.Find("#quiz-safety-summary").TextContent;
        summary.ShouldContain("20 道");
        summary.ShouldContain("45 分钟");
        summary.ShouldContain("不限次数");
        summary.ShouldContain("通过后");
    }
}
