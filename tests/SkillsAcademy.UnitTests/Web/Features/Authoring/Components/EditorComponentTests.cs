using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Web.Features.Authoring;
using SkillsAcademy.Web.Features.Authoring.Components;
using SkillsAcademy.Web.Features.Learning;

namespace SkillsAcademy.UnitTests.Web.Features.Authoring.Components;

public sealed class EditorComponentTests : BunitContext
{
    public EditorComponentTests()
    {
        Services.AddLocalization();
        Services.AddMudServices();
        Services.AddSingleton<LessonMarkdown>();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Render<MudPopoverProvider>();
    }

    [Fact]
    public void The_lesson_preview_shows_the_markdown_rendered_and_without_script()
    {
        var draft = new LessonDraft { Title = "钨极修磨", Markdown = "## 角度\n\n| 电流 | 角度 |\n|---|---|\n| 小 | 30° |\n\n<script>alert(1)</script>" };

        var cut = Render<LessonEditor>(p => p.Add(e => e.Draft, draft));

        var preview = cut.Find("#lesson-preview");
        preview.QuerySelector("h2")!.TextContent.ShouldBe("角度");
        preview.QuerySelector("table").ShouldNotBeNull();
        preview.InnerHtml.ShouldNotContain("<script");
    }

    [Fact]
    public void A_video_lesson_asks_for_an_address_instead_of_text()
    {
        var cut = Render<LessonEditor>(p => p.Add(e => e.Draft, new LessonDraft { Kind = LessonKind.Video }));

        cut.FindAll("#lesson-preview").ShouldBeEmpty();
        cut.FindAll("input[type=url]").ShouldHaveSingleItem();
    }

    [Fact]
    public void Field_errors_from_the_service_appear_beside_their_fields()
    {
        var errors = new Dictionary<string, string[]> { [nameof(LessonDraft.RequiredMinutes)] = ["须在 1 到时长（10 分钟）之间。"] };

        var cut = Render<LessonEditor>(p => p.Add(e => e.Draft, new LessonDraft()).Add(e => e.Errors, errors));

        cut.Markup.ShouldContain("须在 1 到时长（10 分钟）之间。");
    }

    [Fact]
    public void Choice_questions_offer_lettered_options_each_with_its_own_correct_box()
    {
        var cut = LocalizerFactory.InCulture("zh-CN", () => Render<QuestionEditor>(p => p
            .Add(e => e.Draft, new QuestionDraft())
            .Add(e => e.Modules, [new EditorModule(1, "安全", "safety", [])])));

        cut.FindAll(".mud-checkbox").Select(c => c.TextContent.Trim()).ShouldBe(["A 正确", "B 正确", "C 正确", "D 正确"]);
    }

    [Fact]
    public void Ticking_an_option_marks_that_option_correct()
    {
        var draft = new QuestionDraft();
        var cut = Render<QuestionEditor>(p => p.Add(e => e.Draft, draft).Add(e => e.Modules, [new EditorModule(1, "安全", "safety", [])]));

        cut.FindAll("input.mud-checkbox-input")[2].Change(true);

        draft.Options.Select(o => o.IsCorrect).ShouldBe([false, false, true, false]);
    }

    [Fact]
    public void A_true_false_question_asks_whether_the_statement_is_true_and_has_no_option_fields()
    {
        var cut = LocalizerFactory.InCulture("zh-CN", () => Render<QuestionEditor>(p => p
            .Add(e => e.Draft, new QuestionDraft { Type = QuestionType.TrueFalse })
            .Add(e => e.Modules, [new EditorModule(1, "安全", "safety", [])])));

        cut.FindAll(".mud-checkbox").ShouldBeEmpty();
        cut.FindAll(".mud-radio").Select(r => r.TextContent.Trim()).ShouldBe(["正确", "错误"]);
    }
}
