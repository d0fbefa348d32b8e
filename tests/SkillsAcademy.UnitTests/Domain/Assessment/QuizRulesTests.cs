using SkillsAcademy.Domain.Assessment;

namespace SkillsAcademy.UnitTests.Domain.Assessment;

public sealed class QuizRulesTests
{
    private static readonly DateTimeOffset _start = new(2026, 11, 24, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Drawing_picks_the_asked_number_of_distinct_questions_from_the_bank()
    {
        var bank = Enumerable.Range(1, 40).ToList();

        var drawn = QuizDraw.Questions(bank, 10, new Random(7).Next);

        drawn.Count.ShouldBe(10);
        drawn.Distinct().Count().ShouldBe(10);
        drawn.ShouldAllBe(q => bank.Contains(q));
    }

    [Fact]
    public void Asking_for_more_questions_than_the_bank_has_draws_the_whole_bank()
    {
        QuizDraw.Questions([1, 2, 3], 10, new Random(1).Next).Order().ShouldBe([1, 2, 3]);
    }

    [Fact]
    public void Every_question_is_drawn_about_equally_often()
    {
        var random = new Random(42);
        var counts = new int[20];
        for (var i = 0; i < 20_000; i++)
        {
            foreach (var q in QuizDraw.Questions(Enumerable.Range(0, 20).ToList(), 5, random.Next))
            {
                counts[q]++;
            }
        }

        // Expected 5,000 each; a biased shuffle (e.g. swapping with any index) is far outside ±6%.
        counts.ShouldAllBe(c => c > 4_700 && c < 5_300);
    }

    [Fact]
    public void Choice_options_are_shuffled_into_every_order_but_true_false_keeps_its_order()
    {
        var random = new Random(3);
        var orders = Enumerable.Range(0, 600).Select(_ => string.Join(',', QuizDraw.OptionOrder(3, true, random.Next))).ToHashSet();

        orders.Count.ShouldBe(6);
        QuizDraw.OptionOrder(2, false, random.Next).ShouldBe([1, 2]);
    }

    [Fact]
    public void A_random_source_out_of_range_is_refused()
    {
        Should.Throw<InvalidOperationException>(() => QuizDraw.OptionOrder(4, true, n => n));
    }

    [Theory]
    [InlineData(new[] { 2 }, new[] { 2 }, true)]
    [InlineData(new[] { 2 }, new[] { 1 }, false)]
    [InlineData(new[] { 1, 3 }, new[] { 3, 1 }, true)]
    [InlineData(new[] { 1, 3 }, new[] { 1 }, false)]
    [InlineData(new[] { 1, 3 }, new[] { 1, 2, 3 }, false)]
    [InlineData(new[] { 1 }, new int[0], false)]
    public void Multiple_choice_is_all_or_nothing(int[] correct, int[] chosen, bool isCorrect)
    {
        QuizGrading.IsCorrect(correct.ToHashSet(), chosen).ShouldBe(isCorrect);
    }

    [Theory]
    [InlineData(7, 10, 70)]
    [InlineData(2, 3, 66)]
    [InlineData(0, 5, 0)]
    [InlineData(0, 0, 0)]
    public void The_score_is_the_whole_percent_of_correct_answers(int correct, int count, int percent)
    {
        QuizGrading.ScorePercent(correct, count).ShouldBe(percent);
    }

    [Theory]
    [InlineData(ReviewPolicy.AfterEachAttempt, false, true)]
    [InlineData(ReviewPolicy.AfterPassing, false, false)]
    [InlineData(ReviewPolicy.AfterPassing, true, true)]
    [InlineData(ReviewPolicy.Never, true, false)]
    public void Answers_are_shown_only_when_the_review_policy_allows(ReviewPolicy policy, bool passed, bool mayReview)
    {
        QuizGrading.MayReview(policy, passed).ShouldBe(mayReview);
    }

    [Theory]
    [InlineData(0, 60, 10, 3, QuizSettingError.QuestionCount)]
    [InlineData(10, 0, 10, 3, QuizSettingError.PassPercent)]
    [InlineData(10, 101, 10, 3, QuizSettingError.PassPercent)]
    [InlineData(10, 60, 0, 3, QuizSettingError.TimeLimit)]
    [InlineData(10, 60, 10, -1, QuizSettingError.Attempts)]
    public void Settings_out_of_range_are_named(int count, int pass, int minutes, int attempts, QuizSettingError error)
    {
        QuizSettings.Validate(count, pass, minutes, attempts, ReviewPolicy.AfterEachAttempt).ShouldBe([error]);
        Should.Throw<ArgumentException>(() => new QuizSettings(count, pass, minutes, attempts, ReviewPolicy.AfterEachAttempt));
    }

    [Fact]
    public void Quiz_keys_name_module_quizzes_by_tag_and_the_final_exam_by_name()
    {
        QuizKeys.ForModule("safety").ShouldBe("m-safety");
        QuizKeys.ModuleTagOf("m-safety").ShouldBe("safety");
        QuizKeys.ModuleTagOf(QuizKeys.FinalExam).ShouldBeNull();
        QuizKeys.IsFinalExam("final").ShouldBeTrue();
    }

    private static QuizAttempt Attempt()
    {
        var attempt = new QuizAttempt(Guid.NewGuid(), Guid.NewGuid(), 1, 1, "m-safety", 1, _start, TimeSpan.FromMinutes(10));
        attempt.AddItem(Guid.NewGuid(), 11, [2, 1, 3]);
        attempt.AddItem(Guid.NewGuid(), 12, [1, 2]);
        attempt.AddItem(Guid.NewGuid(), 13, [3, 1, 2]);
        return attempt;
    }

    [Fact]
    public void Answers_are_chosen_by_display_index_and_stored_as_original_positions()
    {
        var attempt = Attempt();

        attempt.Items[0].Choose([0]).ShouldBeTrue();
        attempt.Items[2].Choose([2, 0, 2]).ShouldBeTrue();

        attempt.Items[0].ChosenPositions.ShouldBe([2]);
        attempt.Items[2].ChosenPositions.ShouldBe([2, 3]);
        attempt.Items[1].Choose([5]).ShouldBeFalse();
        attempt.Items[1].Choose([-1]).ShouldBeFalse();
        attempt.Items[1].Chosen.ShouldBeNull();
    }

    [Fact]
    public void Closing_grades_every_item_and_the_attempt_once()
    {
        var attempt = Attempt();
        attempt.Items[0].Choose([0]);
        attempt.Items[1].Choose([1]);
        var correct = new Dictionary<int, IReadOnlySet<int>> { [11] = new HashSet<int> { 2 }, [12] = new HashSet<int> { 1 }, [13] = new HashSet<int> { 1 } };

        attempt.Close(AttemptStatus.Submitted, correct, 60, _start.AddMinutes(5));

        attempt.Items.Select(i => i.Correct).ShouldBe([true, false, false]);
        attempt.CorrectCount.ShouldBe(1);
        attempt.ScorePercent.ShouldBe(33);
        attempt.Passed.ShouldBe(false);
        attempt.Status.ShouldBe(AttemptStatus.Submitted);
        Should.Throw<InvalidOperationException>(() => attempt.Close(AttemptStatus.Submitted, correct, 60, _start.AddMinutes(6)));
    }

    [Fact]
    public void The_deadline_allows_a_short_grace_for_the_network_and_no_more()
    {
        var attempt = Attempt();

        attempt.IsPastDeadline(_start.AddMinutes(10).Add(QuizAttempt.SubmissionGrace)).ShouldBeFalse();
        attempt.IsPastDeadline(_start.AddMinutes(10).Add(QuizAttempt.SubmissionGrace).AddMilliseconds(1)).ShouldBeTrue();
    }
}
