using SkillsAcademy.TestUtilities;
using SkillsAcademy.Web.Features.Authoring.Packages;

namespace SkillsAcademy.UnitTests.Web.Features.Authoring;

public sealed class CoursePackageValidatorTests
{
    private static readonly HashSet<string> Occupations = ["6-18-02-04", "6-20-01-01"];

    private static List<string> Errors(CoursePackage package, CoursePackageSource? source = null) =>
        LocalizerFactory.InCulture("en", () => new CoursePackageValidator(LocalizerFactory.Shared(), Occupations, source ?? CoursePackages.Source(package))
            .Validate(package).Errors
            .Select(e => $"{CoursePackageValidator.JsonPath(e.PropertyName)}: {e.ErrorMessage}")
            .ToList());

    private static CoursePackage WithLesson(Func<PackageLesson, PackageLesson> change)
    {
        var package = CoursePackages.Valid();
        var modules = package.Modules!.ToList();
        var lessons = modules[0].Lessons!.ToList();
        lessons[1] = change(lessons[1]);
        modules[0] = modules[0] with { Lessons = lessons };
        return package with { Modules = modules };
    }

    private static CoursePackage WithQuestion(int index, Func<PackageQuestion, PackageQuestion> change)
    {
        var package = CoursePackages.Valid();
        var questions = package.Questions!.ToList();
        questions[index] = change(questions[index]);
        return package with { Questions = questions };
    }

    [Fact]
    public void The_test_package_is_valid() => Errors(CoursePackages.Valid()).ShouldBeEmpty();

    [Fact]
    public void Required_minutes_above_the_nominal_minutes_are_reported_with_their_json_path() =>
        Errors(WithLesson(l => l with { RequiredMinutes = 30 }))
            .ShouldBe(["modules[0].lessons[1].requiredMinutes: must be between 1 and nominalMinutes (25)."]);

    [Fact]
    public void A_lesson_file_missing_from_the_package_is_named() =>
        Errors(WithLesson(l => l with { File = "lessons/99.md" }))
            .ShouldBe(["modules[0].lessons[1].file: the package has no file 'lessons/99.md'."]);

    [Fact]
    public void An_unknown_occupation_code_is_named() =>
        Errors(CoursePackages.Valid() with { OccupationCode = "9-99-99-99" })
            .ShouldBe(["occupationCode: the platform has no occupation with code '9-99-99-99'."]);

    [Fact]
    public void A_question_tag_that_no_module_has_is_named() =>
        Errors(WithQuestion(0, q => q with { Tag = "painting" }))
            .ShouldBe(["questions[0].tag: no module has the tag 'painting'."]);

    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 0, 1 })]
    [InlineData(new[] { 3 })]
    public void A_single_choice_question_needs_exactly_one_answer_in_range(int[] answer) =>
        Errors(WithQuestion(0, q => q with { Answer = [.. answer] })).ShouldHaveSingleItem().ShouldStartWith("questions[0].answer:");

    [Fact]
    public void A_multiple_choice_question_needs_two_answers() =>
        Errors(WithQuestion(1, q => q with { Answer = [0] })).ShouldHaveSingleItem().ShouldStartWith("questions[1].answer:");

    [Fact]
    public void A_true_false_question_has_no_options_and_answers_0_or_1()
    {
        Errors(WithQuestion(2, q => q with { Options = ["对", "错"] })).ShouldHaveSingleItem().ShouldStartWith("questions[2].options:");
        Errors(WithQuestion(2, q => q with { Answer = [2] })).ShouldHaveSingleItem().ShouldStartWith("questions[2].answer:");
    }

    [Fact]
    public void Duplicate_module_tags_are_refused()
    {
        var package = CoursePackages.Valid();
        var modules = package.Modules!.ToList();
        modules[1] = modules[1] with { Tag = "safety" };

        Errors(package with { Modules = modules }).ShouldContain("modules: module tags must be unique.");
    }

    [Theory]
    [InlineData("weld-1")]
    [InlineData("W")]
    [InlineData("")]
    public void A_malformed_course_code_is_refused(string code) =>
        Errors(CoursePackages.Valid() with { Code = code }).ShouldHaveSingleItem().ShouldStartWith("code:");

    [Fact]
    public void A_video_lesson_needs_an_https_url_or_a_file()
    {
        var package = CoursePackages.Valid();
        var modules = package.Modules!.ToList();
        modules[1] = modules[1] with { Lessons = [modules[1].Lessons![0] with { VideoUrl = "http://video.example/a.mp4" }] };

        Errors(package with { Modules = modules }).ShouldBe(
            ["modules[1].lessons[0].videoUrl: a video lesson needs a video file in the package or an https videoUrl."]);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var package = WithLesson(l => l with { NominalMinutes = 0, RequiredMinutes = 0 }) with { Title = "", SkillLevel = "Level9" };

        Errors(package).Count.ShouldBe(4);
    }

    private static PackageQuiz Quiz(int questionCount = 2) => new()
    {
        QuestionCount = questionCount, PassPercent = 60, TimeLimitMinutes = 15, AttemptsAllowed = 3, Review = "AfterEachAttempt",
    };

    private static CoursePackage WithModuleQuiz(PackageQuiz quiz)
    {
        var package = CoursePackages.Valid();
        var modules = package.Modules!.ToList();
        modules[0] = modules[0] with { Quiz = quiz };
        return package with { Modules = modules };
    }

    [Fact]
    public void A_module_quiz_and_a_final_exam_within_the_bank_are_valid() =>
        Errors(WithModuleQuiz(Quiz(questionCount: 2)) with { FinalExam = Quiz(questionCount: 3) with { Review = "AfterPassing" } }).ShouldBeEmpty();

    [Fact]
    public void A_module_quiz_drawing_more_questions_than_its_tag_has_is_named() =>
        Errors(WithModuleQuiz(Quiz(questionCount: 3)))
            .ShouldBe(["modules[0].quiz.questionCount: draws 3 questions but the bank has only 2 with the tag 'safety'."]);

    [Fact]
    public void A_final_exam_drawing_more_questions_than_the_whole_bank_is_named() =>
        Errors(CoursePackages.Valid() with { FinalExam = Quiz(questionCount: 4) })
            .ShouldBe(["finalExam.questionCount: draws 4 questions but the whole bank has only 3."]);

    [Fact]
    public void Each_out_of_range_quiz_setting_and_an_unknown_review_policy_is_named() =>
        Errors(CoursePackages.Valid() with
        {
            FinalExam = new PackageQuiz { QuestionCount = 0, PassPercent = 101, TimeLimitMinutes = 0, AttemptsAllowed = -1, Review = "Sometimes" },
        }).ShouldBe(
        [
            "finalExam.questionCount: must be between 1 and 100.",
            "finalExam.passPercent: must be between 1 and 100.",
            "finalExam.timeLimitMinutes: must be between 1 and 240.",
            "finalExam.attemptsAllowed: must be between 0 (no limit) and 20.",
            "finalExam.review: must be AfterEachAttempt, AfterPassing or Never.",
        ], ignoreOrder: true);

    [Theory]
    [InlineData("1")]
    [InlineData(null)]
    [InlineData("afterEachAttempt")]
    public void A_review_policy_must_be_given_by_its_exact_name(string? review) =>
        Errors(WithModuleQuiz(Quiz() with { Review = review })).ShouldBe(["modules[0].quiz.review: must be AfterEachAttempt, AfterPassing or Never."]);

    [Fact]
    public void A_module_quiz_is_named_in_chinese_by_default() =>
        LocalizerFactory.InCulture("zh-CN", () => new CoursePackageValidator(LocalizerFactory.Shared(), Occupations, CoursePackages.Source(CoursePackages.Valid()))
                .Validate(WithModuleQuiz(Quiz(questionCount: 5))).Errors.Single().ErrorMessage)
            .ShouldBe("要抽 5 道题，但题库中 tag 为“safety”的题只有 2 道。");

    [Fact]
    public void A_zip_with_the_package_in_one_folder_reads_like_the_folder()
    {
        var files = CoursePackages.Files(CoursePackages.Valid());

        var source = CoursePackageSource.FromZip(CoursePackages.Zip(files, folder: "welding-course/"));

        source.Contains(CoursePackage.ManifestFile).ShouldBeTrue();
        source.ReadText("lessons/01.md").ShouldStartWith("## 防护用品");
    }
}
