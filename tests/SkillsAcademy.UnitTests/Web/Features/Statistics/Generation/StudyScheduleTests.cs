using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Domain.People;
using SkillsAcademy.Web.Features.Statistics.Generation;

namespace SkillsAcademy.UnitTests.Web.Features.Statistics.Generation;

public sealed class StudyScheduleTests
{
    [Theory]
    [InlineData(0, 100)]
    [InlineData(5_000, 400)]
    [InlineData(123_457, 1_000)]
    public void Allocating_study_events_gives_exactly_the_total_and_respects_every_cap(long total, int enrolments)
    {
        var random = new Random(enrolments);
        var weights = Enumerable.Range(0, enrolments).Select(i => i % 10 == 0 ? 0 : random.NextDouble() * 5).ToArray();
        var caps = Enumerable.Range(0, enrolments).Select(_ => random.Next(100, 700)).ToArray();

        var given = LearnerPlan.Allocate(random, total, weights, caps);

        given.Sum(g => (long)g).ShouldBe(total);
        given.Select((g, i) => g <= caps[i] && g >= 0).ShouldAllBe(ok => ok);
    }

    [Fact]
    public void Allocating_more_events_than_the_courses_can_hold_is_refused()
    {
        Should.Throw<InvalidOperationException>(() => LearnerPlan.Allocate(new Random(1), 1_001, [1, 1], [500, 500]));
    }

    [Theory]
    [InlineData(60, 1)]
    [InlineData(2_700, 1)]
    [InlineData(5_000, 7)]
    [InlineData(18_900, 7)]
    public void A_lessons_credit_splits_into_segments_of_one_to_forty_five_minutes(int total, int count)
    {
        var parts = StudySchedule.Split(new Random(total), total, count);

        parts.Length.ShouldBe(count);
        parts.Sum().ShouldBe(total);
        parts.ShouldAllBe(p => p >= 60 && p <= 2_700);
    }

    [Theory]
    [InlineData(true, 40)]
    [InlineData(false, 40)]
    [InlineData(false, 3)]
    [InlineData(true, 600)]
    public void Segments_never_exceed_a_lessons_cap_and_completing_learners_reach_every_required_time(bool completes, int segments)
    {
        var lessons = Enumerable.Range(1, 12)
            .Select(i => new GeneratedLesson(Guid.NewGuid(), "", 20 + i * 3, (int)Math.Round((20 + i * 3) * 0.8) * 60, (20 + i * 3) * 90))
            .ToArray();
        var course = new GeneratedCourse(1, 1, "GEN-00001", "t", 1, "焊工", "6-18-02-04", SkillLevel.Level5, false, 1m, lessons, [], 5, 60, 20);

        var result = StudySchedule.SegmentsFor(new Random(segments), course, segments, completes);

        result.Count.ShouldBe(segments);
        var perLesson = result.GroupBy(s => s.Lesson).ToDictionary(g => g.Key, g => g.Sum(s => s.Seconds));
        perLesson.ShouldAllBe(p => p.Value <= lessons[p.Key].CapSeconds);
        result.ShouldAllBe(s => s.Seconds >= 60 && s.Seconds <= 2_700);
        if (completes)
        {
            lessons.Select((l, i) => perLesson.GetValueOrDefault(i) >= l.RequiredSeconds).ShouldAllBe(ok => ok);
        }
    }

    [Fact]
    public void Generated_id_numbers_are_valid_for_their_area_birth_date_and_sex()
    {
        var number = DemoPeople.IdNumber("350582", new DateOnly(1990, 3, 14), male: false, serial: 123);

        var parsed = ResidentIdNumber.Parse(number, new DateOnly(2026, 11, 24));
        parsed.RegionCode.ShouldBe("350582");
        parsed.BirthDate.ShouldBe(new DateOnly(1990, 3, 14));
        parsed.Sex.ShouldBe(Sex.Female);
    }
}
