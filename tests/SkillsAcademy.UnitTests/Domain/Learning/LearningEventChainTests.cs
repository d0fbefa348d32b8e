using System.Security.Cryptography;
using System.Text;
using SkillsAcademy.Domain.Learning;

namespace SkillsAcademy.UnitTests.Domain.Learning;

public sealed class LearningEventChainTests
{
    private static readonly Guid _learner = Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
    private static readonly DateTimeOffset _start = new(2026, 11, 23, 16, 0, 0, TimeSpan.Zero);

    private static List<LearningEvent> ChainOf(int count)
    {
        var kinds = Enum.GetValues<LearningEventKind>();
        var events = new List<LearningEvent>();
        LearningEvent? previous = null;
        for (var i = 0; i < count; i++)
        {
            previous = LearningEventChain.Append(previous, new NewLearningEvent(
                _learner,
                kinds[i % kinds.Length],
                _start.AddMinutes(i),
                new Dictionary<string, string> { ["courseId"] = "C-1001", ["step"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
            events.Add(previous);
        }

        return events;
    }

    [Fact]
    public void A_chain_of_five_events_verifies()
    {
        var chain = ChainOf(5);

        var result = LearningEventChain.Verify(chain);

        result.ShouldBe(ChainVerificationResult.Valid(5));
        result.IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Appending_numbers_the_events_and_links_each_to_the_hash_before_it()
    {
        var chain = ChainOf(5);

        chain.Select(e => e.Sequence).ShouldBe([1L, 2, 3, 4, 5]);
        chain[0].PreviousHash.ShouldBe(new string('0', 64));
        for (var i = 1; i < chain.Count; i++)
        {
            chain[i].PreviousHash.ShouldBe(chain[i - 1].Hash);
        }

        chain.ShouldAllBe(e => e.Hash.Length == 64 && e.Hash == e.Hash.ToLowerInvariant());
        chain.Select(e => e.Hash).Distinct().Count().ShouldBe(5);
    }

    [Fact]
    public void An_empty_chain_is_valid()
    {
        LearningEventChain.Verify([]).ShouldBe(ChainVerificationResult.Valid(0));
    }

    public static TheoryData<string> EditedFields => ["Kind", "OccurredAt", "DataValue", "DataKeyAdded", "DataKeyRemoved", "Hash", "PreviousHash", "Sequence", "LearnerId"];

    [Theory]
    [MemberData(nameof(EditedFields))]
    public void Editing_any_field_of_the_third_event_is_detected_at_the_third_event(string field)
    {
        var chain = ChainOf(5);
        var third = chain[2];
        var data = new Dictionary<string, string>(third.Data);
        (LearningEvent edited, ChainBreakReason reason) = field switch
        {
            "Kind" => (third with { Kind = LearningEventKind.CertificateIssued }, ChainBreakReason.HashMismatch),
            "OccurredAt" => (third with { OccurredAt = third.OccurredAt.AddSeconds(-1) }, ChainBreakReason.HashMismatch),
            "DataValue" => (third with { Data = new Dictionary<string, string>(data) { ["courseId"] = "C-1002" } }, ChainBreakReason.HashMismatch),
            "DataKeyAdded" => (third with { Data = new Dictionary<string, string>(data) { ["score"] = "100" } }, ChainBreakReason.HashMismatch),
            "DataKeyRemoved" => (third with { Data = data.Where(kv => kv.Key != "step").ToDictionary() }, ChainBreakReason.HashMismatch),
            "Hash" => (third with { Hash = chain[3].Hash }, ChainBreakReason.HashMismatch),
            "PreviousHash" => (third with { PreviousHash = chain[0].Hash }, ChainBreakReason.PreviousHashMismatch),
            "Sequence" => (third with { Sequence = 4 }, ChainBreakReason.SequenceGap),
            "LearnerId" => (third with { LearnerId = Guid.NewGuid() }, ChainBreakReason.LearnerMismatch),
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };
        chain[2] = edited;

        var result = LearningEventChain.Verify(chain);

        result.IsValid.ShouldBeFalse();
        result.ExpectedSequence.ShouldBe(3);
        result.VerifiedCount.ShouldBe(2);
        result.Reason.ShouldBe(reason);
    }

    [Fact]
    public void Editing_an_event_and_recomputing_its_hash_is_detected_at_the_next_event()
    {
        var chain = ChainOf(5);
        var forged = chain[2] with { Kind = LearningEventKind.CourseCompleted };
        chain[2] = forged with { Hash = LearningEventChain.ComputeHash(forged.PreviousHash, forged) };

        var result = LearningEventChain.Verify(chain);

        result.BrokenAtSequence.ShouldBe(4);
        result.Reason.ShouldBe(ChainBreakReason.PreviousHashMismatch);
    }

    [Fact]
    public void Deleting_the_third_event_is_detected_at_what_was_the_fourth()
    {
        var chain = ChainOf(5);
        chain.RemoveAt(2);

        var result = LearningEventChain.Verify(chain);

        result.ShouldBe(new ChainVerificationResult(2, BrokenAtSequence: 4, ExpectedSequence: 3, ChainBreakReason.SequenceGap));
    }

    [Fact]
    public void Deleting_an_event_and_renumbering_the_rest_is_detected_at_the_gap()
    {
        var chain = ChainOf(5);
        chain.RemoveAt(2);
        chain[2] = chain[2] with { Sequence = 3 };
        chain[3] = chain[3] with { Sequence = 4 };

        var result = LearningEventChain.Verify(chain);

        result.BrokenAtSequence.ShouldBe(3);
        result.Reason.ShouldBe(ChainBreakReason.PreviousHashMismatch);
    }

    [Fact]
    public void Swapping_the_second_and_third_events_is_detected_at_the_second_position()
    {
        var chain = ChainOf(5);
        (chain[1], chain[2]) = (chain[2], chain[1]);

        var result = LearningEventChain.Verify(chain);

        result.ShouldBe(new ChainVerificationResult(1, BrokenAtSequence: 3, ExpectedSequence: 2, ChainBreakReason.SequenceGap));
    }

    [Fact]
    public void Swapping_two_events_and_their_sequence_numbers_is_detected_by_the_hashes()
    {
        var chain = ChainOf(5);
        (chain[1], chain[2]) = (chain[2] with { Sequence = 2 }, chain[1] with { Sequence = 3 });

        var result = LearningEventChain.Verify(chain);

        result.ExpectedSequence.ShouldBe(2);
        result.Reason.ShouldBe(ChainBreakReason.PreviousHashMismatch);
    }

    [Fact]
    public void A_duplicated_event_is_out_of_order()
    {
        var chain = ChainOf(3);
        chain.Insert(2, chain[1]);

        var result = LearningEventChain.Verify(chain);

        result.ShouldBe(new ChainVerificationResult(2, BrokenAtSequence: 2, ExpectedSequence: 3, ChainBreakReason.SequenceOutOfOrder));
    }

    [Fact]
    public void Canonical_json_does_not_depend_on_the_order_data_was_added()
    {
        var forwards = new Dictionary<string, string> { ["a"] = "1", ["B"] = "2", ["b"] = "3", ["课程"] = "钳工" };
        var backwards = new Dictionary<string, string> { ["课程"] = "钳工", ["b"] = "3", ["B"] = "2", ["a"] = "1" };

        var one = LearningEventChain.Append(null, new NewLearningEvent(_learner, LearningEventKind.Enrolled, _start, forwards));
        var two = LearningEventChain.Append(null, new NewLearningEvent(_learner, LearningEventKind.Enrolled, _start, backwards));

        LearningEventChain.CanonicalJson(one).ShouldBe(LearningEventChain.CanonicalJson(two));
        one.Hash.ShouldBe(two.Hash);
        Encoding.UTF8.GetString(LearningEventChain.CanonicalJson(one)).ShouldContain("""{"B":"2","a":"1","b":"3",""");
    }

    [Fact]
    public void The_hash_of_an_event_matches_an_independently_computed_golden_value()
    {
        const string expectedJson =
            """{"learnerId":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","sequence":1,"kind":"CheckedIn","occurredAt":"2026-11-23T16:00:00.123Z","data":{"a":"1","b":"2","\u8BFE\u7A0B":"\u94B3\u5DE5"}}""";
        // SHA-256 of 32 zero bytes followed by expectedJson, computed outside .NET.
        const string expectedHash = "20c9e5e972ec64d70809e35773a8872859e69ae90798e14b6e48b0a9536b0533";

        var e = LearningEventChain.Append(null, new NewLearningEvent(
            _learner,
            LearningEventKind.CheckedIn,
            new DateTimeOffset(2026, 11, 24, 0, 0, 0, 123, TimeSpan.FromHours(8)).AddTicks(4567),
            new Dictionary<string, string> { ["b"] = "2", ["课程"] = "钳工", ["a"] = "1" }));

        Encoding.UTF8.GetString(LearningEventChain.CanonicalJson(e)).ShouldBe(expectedJson);
        Convert.ToHexStringLower(SHA256.HashData([.. new byte[32], .. Encoding.UTF8.GetBytes(expectedJson)])).ShouldBe(expectedHash);
        e.Hash.ShouldBe(expectedHash);
    }

    [Fact]
    public void Appending_stores_the_time_in_UTC_to_the_millisecond()
    {
        var e = LearningEventChain.Append(null, new NewLearningEvent(
            _learner, LearningEventKind.CheckedIn, new DateTimeOffset(2026, 11, 24, 0, 0, 0, 123, TimeSpan.FromHours(8)).AddTicks(9999), new Dictionary<string, string>()));

        e.OccurredAt.ShouldBe(new DateTimeOffset(2026, 11, 23, 16, 0, 0, 123, TimeSpan.Zero));
        e.OccurredAt.Offset.ShouldBe(TimeSpan.Zero);
        e.OccurredAt.Ticks.ShouldBe(e.OccurredAt.UtcDateTime.Ticks);
    }

    [Fact]
    public void A_change_to_the_callers_dictionary_after_appending_does_not_change_the_event()
    {
        var data = new Dictionary<string, string> { ["courseId"] = "C-1001" };
        var e = LearningEventChain.Append(null, new NewLearningEvent(_learner, LearningEventKind.Enrolled, _start, data));

        data["courseId"] = "C-9999";

        e.Data["courseId"].ShouldBe("C-1001");
        LearningEventChain.Verify([e]).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Events_of_two_learners_cannot_be_chained()
    {
        var first = ChainOf(1)[0];

        Should.Throw<ArgumentException>(() => LearningEventChain.Append(first, new NewLearningEvent(Guid.NewGuid(), LearningEventKind.CheckedIn, _start, new Dictionary<string, string>())));
    }

    [Fact]
    public void A_malformed_previous_hash_is_refused_when_hashing()
    {
        var e = ChainOf(1)[0];

        Should.Throw<ArgumentException>(() => LearningEventChain.ComputeHash("xyz", e));
        Should.Throw<ArgumentException>(() => LearningEventChain.ComputeHash(new string('g', 64), e));
    }
}
