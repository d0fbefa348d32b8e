using SkillsAcademy.Domain.Assessment;
using SkillsAcademy.Web.Features.Authoring;

namespace SkillsAcademy.UnitTests.Web.Features.Authoring;

public sealed class QuizSettingsDraftValidatorTests
{
    private static Dictionary<string, string> Errors(QuizSettingsDraft draft, string culture = "en") =>
        LocalizerFactory.InCulture(culture, () => new QuizSettingsDraftValidator(LocalizerFactory.Shared()).Validate(draft).Errors
            .ToDictionary(e => e.PropertyName, e => e.ErrorMessage));

    [Fact]
    public void The_default_draft_is_valid() => Errors(new QuizSettingsDraft()).ShouldBeEmpty();

    [Fact]
    public void Unlimited_attempts_are_allowed() => Errors(new QuizSettingsDraft { AttemptsAllowed = 0 }).ShouldBeEmpty();

    [Fact]
    public void Each_setting_out_of_range_is_named_in_words() =>
        Errors(new QuizSettingsDraft { QuestionCount = 0, PassPercent = 0, TimeLimitMinutes = 241, AttemptsAllowed = 21, Review = (ReviewPolicy)9 })
            .ShouldBe(new Dictionary<string, string>
            {
                [nameof(QuizSettingsDraft.QuestionCount)] = "Questions drawn must be between 1 and 100.",
                [nameof(QuizSettingsDraft.PassPercent)] = "The pass mark must be between 1 and 100.",
                [nameof(QuizSettingsDraft.TimeLimitMinutes)] = "The time limit must be between 1 and 240 minutes.",
                [nameof(QuizSettingsDraft.AttemptsAllowed)] = "Attempts allowed must be between 0 (no limit) and 20.",
                [nameof(QuizSettingsDraft.Review)] = "Choose when learners may see the answers.",
            });

    [Fact]
    public void Messages_are_chinese_by_default() =>
        Errors(new QuizSettingsDraft { PassPercent = 120 }, "zh-CN")
            .ShouldBe(new Dictionary<string, string> { [nameof(QuizSettingsDraft.PassPercent)] = "及格分须在 1 到 100 之间。" });

    [Fact]
    public void A_draft_round_trips_through_the_domain_settings()
    {
        var settings = new QuizSettings(8, 75, 20, 0, ReviewPolicy.Never);

        var back = QuizSettingsDraft.From(settings).ToSettings();

        (back.QuestionCount, back.PassPercent, back.TimeLimitMinutes, back.AttemptsAllowed, back.Review).ShouldBe((8, 75, 20, 0, ReviewPolicy.Never));
    }
}
