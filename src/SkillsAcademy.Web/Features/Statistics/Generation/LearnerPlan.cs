namespace SkillsAcademy.Web.Features.Statistics.Generation;

/// <summary>
/// Everything decided before rows are written, from the run's master random source: each learner's place, employer
/// and courses, how many of the requested study segments each enrolment gets (exactly the requested total), which
/// ~30% of enrolments complete, and which are paid by a voucher.
/// </summary>
internal sealed class LearnerPlan
{
    public const double CompletionShare = 0.30;
    private const double VoucherShareOfEligible = 0.4;

    private LearnerPlan(PlannedLearner[] learners, PlannedEnrolment[] enrolments, int vouchers)
    {
        Learners = learners;
        Enrolments = enrolments;
        VoucherCount = vouchers;
    }

    public PlannedLearner[] Learners { get; }

    public PlannedEnrolment[] Enrolments { get; }

    public int VoucherCount { get; }

    public ReadOnlySpan<PlannedEnrolment> EnrolmentsOf(in PlannedLearner learner) =>
        Enrolments.AsSpan(learner.FirstEnrolment, learner.EnrolmentCount);

    public static LearnerPlan Create(
        Random random,
        int learnerCount,
        long studyEvents,
        IReadOnlyList<GeneratedCourse> courses,
        IReadOnlyList<GeneratedBatch> batches,
        DemoRegions regions,
        IReadOnlyDictionary<string, int[]> enterprisesByCity,
        double checkInShare)
    {
        var learners = new PlannedLearner[learnerCount];
        for (var i = 0; i < learnerCount; i++)
        {
            var city = regions.PickCity(random);
            var (regionCode, _) = regions.PickPlace(city, random);
            var employers = enterprisesByCity[city.Code];
            // A few large employers in each city have many of its learners.
            var employer = employers[(int)(employers.Length * Math.Pow(random.NextDouble(), 2.2))];
            learners[i] = new PlannedLearner
            {
                Id = DemoCatalog.RandomGuid(random),
                Seed = random.Next(),
                HasProfile = random.NextDouble() < 0.85,
                UnionMember = random.NextDouble() < 0.6,
                RegionCode = regionCode,
                CityCode = city.Code,
                EnterpriseId = employer,
                CheckInShare = Math.Clamp(checkInShare * 2 * random.NextDouble(), 0, 1),
            };
        }

        // Rows are written in key order, so the (LearnerId, Sequence) index of the events only ever grows at its end.
        Array.Sort(learners, (a, b) => string.CompareOrdinal(a.Id.ToString("D").ToUpperInvariant(), b.Id.ToString("D").ToUpperInvariant()));

        // Courses by popularity: a few are taken by many, most by a few.
        var popularity = new WeightedChoice<int>(
            Enumerable.Range(0, courses.Count).ToArray(),
            Shuffle(random, Enumerable.Range(1, courses.Count).Select(rank => 1 / Math.Pow(rank, 0.8)).ToArray()));
        var enrolments = new List<PlannedEnrolment>(learnerCount * 2);
        var weights = new List<double>(learnerCount * 2);
        for (var i = 0; i < learnerCount; i++)
        {
            var count = Math.Min(courses.Count, random.NextDouble() switch { < 0.55 => 1, < 0.85 => 2, _ => 3 });
            learners[i].FirstEnrolment = enrolments.Count;
            learners[i].EnrolmentCount = count;
            // How much this learner studies: log-normal, capped so no one is absurdly busy.
            var activity = Math.Min(Math.Exp(Normal(random) * 0.9), 18);
            var taken = new HashSet<int>();
            for (var k = 0; k < count; k++)
            {
                int course;
                do
                {
                    course = popularity.Pick(random);
                }
                while (!taken.Add(course));

                enrolments.Add(new PlannedEnrolment { CourseIndex = course, Batch = -1, VoucherOrdinal = -1 });
                // Some enrol and never study; a second or third course gets less attention than the first.
                weights.Add(random.NextDouble() < 0.1 ? 0 : activity * (k == 0 ? 1 : 0.2 + random.NextDouble() * 0.7));
            }
        }

        var planned = enrolments.ToArray();
        var segments = Allocate(random, studyEvents, weights.ToArray(), planned.Select(e => courses[e.CourseIndex].MaxSegments).ToArray());
        for (var e = 0; e < planned.Length; e++)
        {
            planned[e].Segments = segments[e];
        }

        // Those who study most relative to the course complete it, with some luck either way.
        var candidates = Enumerable.Range(0, planned.Length)
            .Where(e => planned[e].Segments >= courses[planned[e].CourseIndex].MinSegmentsToComplete && planned[e].Segments > 0)
            .Select(e => (Enrolment: e, Score: planned[e].Segments / (double)courses[planned[e].CourseIndex].MinSegmentsToComplete * (0.5 + random.NextDouble())))
            .OrderByDescending(c => c.Score).ThenBy(c => c.Enrolment)
            .Take((int)Math.Round(planned.Length * CompletionShare));
        foreach (var (e, _) in candidates)
        {
            planned[e].Completes = true;
        }

        var vouchers = 0;
        for (var i = 0; i < learnerCount; i++)
        {
            if (!learners[i].HasProfile)
            {
                continue;
            }

            var used = new HashSet<int>();
            for (var e = learners[i].FirstEnrolment; e < learners[i].FirstEnrolment + learners[i].EnrolmentCount; e++)
            {
                if (!courses[planned[e].CourseIndex].VoucherEligible || random.NextDouble() >= VoucherShareOfEligible)
                {
                    continue;
                }

                // One voucher per learner and batch: the city's batch first, then the province's.
                var learner = learners[i];
                var batch = Enumerable.Range(0, batches.Count)
                    .Where(b => !used.Contains(b)
                        && (batches[b].RegionPrefix is null || learner.RegionCode.StartsWith(batches[b].RegionPrefix!, StringComparison.Ordinal))
                        && (!batches[b].UnionMembersOnly || learner.UnionMember))
                    .OrderBy(b => batches[b].RegionPrefix is null ? 1 : 0)
                    .DefaultIfEmpty(-1)
                    .First();
                if (batch >= 0)
                {
                    used.Add(batch);
                    planned[e].Batch = batch;
                    planned[e].VoucherOrdinal = vouchers++;
                }
            }
        }

        return new LearnerPlan(learners, planned, vouchers);
    }

    /// <summary>
    /// Shares <paramref name="total"/> out in proportion to the weights, never giving an item more than its cap; the
    /// result adds up to exactly <paramref name="total"/>.
    /// </summary>
    internal static int[] Allocate(Random random, long total, double[] weights, int[] caps)
    {
        var given = new int[weights.Length];
        if (total == 0)
        {
            return given;
        }

        if (caps.Sum(c => (long)c) < total)
        {
            throw new InvalidOperationException(
                $"{total:N0} study events do not fit into these enrolments (at most {caps.Sum(c => (long)c):N0}): add learners or courses, or ask for fewer events.");
        }

        if (weights.All(w => w <= 0))
        {
            Array.Fill(weights, 1.0);
        }

        var open = Enumerable.Range(0, weights.Length).Where(i => weights[i] > 0 && caps[i] > 0).ToList();
        var remaining = total;
        while (remaining > 0 && open.Count > 0)
        {
            var sum = open.Sum(i => weights[i]);
            long handed = 0;
            foreach (var i in open)
            {
                var add = (int)Math.Min(Math.Floor(remaining * (weights[i] / sum)), caps[i] - given[i]);
                given[i] += add;
                handed += add;
            }

            remaining -= handed;
            open.RemoveAll(i => given[i] >= caps[i]);
            if (handed == 0)
            {
                break;
            }
        }

        // Rounding leftovers one at a time to random enrolments with room (any enrolment once the studious are full).
        if (open.Count == 0 && remaining > 0)
        {
            open = Enumerable.Range(0, weights.Length).Where(i => given[i] < caps[i]).ToList();
        }

        while (remaining > 0)
        {
            var pick = random.Next(open.Count);
            var i = open[pick];
            given[i]++;
            remaining--;
            if (given[i] >= caps[i])
            {
                open[pick] = open[^1];
                open.RemoveAt(open.Count - 1);
                if (open.Count == 0 && remaining > 0)
                {
                    open = Enumerable.Range(0, weights.Length).Where(k => given[k] < caps[k]).ToList();
                }
            }
        }

        return given;
    }

    private static double[] Shuffle(Random random, double[] values)
    {
        random.Shuffle(values);
        return values;
    }

    // Box–Muller: a standard normal draw from the seeded source.
    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
