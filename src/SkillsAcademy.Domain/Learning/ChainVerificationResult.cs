namespace SkillsAcademy.Domain.Learning;

public enum ChainBreakReason
{
    /// <summary>The event's content no longer produces its stored hash: it was edited.</summary>
    HashMismatch = 1,

    /// <summary>The event does not point at the hash of the event before it.</summary>
    PreviousHashMismatch,

    /// <summary>The sequence jumps forward: an event is missing or the events were reordered.</summary>
    SequenceGap,

    /// <summary>The sequence repeats or goes back: an event is duplicated or the events were reordered.</summary>
    SequenceOutOfOrder,

    /// <summary>The event belongs to another learner than the first event.</summary>
    LearnerMismatch,
}

/// <param name="VerifiedCount">How many events, from the start, form a valid chain.</param>
/// <param name="BrokenAtSequence">The stored sequence number of the first event that breaks the chain.</param>
/// <param name="ExpectedSequence">The sequence number that was due at that point (its 1-based position).</param>
public sealed record ChainVerificationResult(
    long VerifiedCount,
    long? BrokenAtSequence,
    long? ExpectedSequence,
    ChainBreakReason? Reason)
{
    public bool IsValid => Reason is null;

    public static ChainVerificationResult Valid(long verifiedCount) => new(verifiedCount, null, null, null);

    public static ChainVerificationResult Broken(long verifiedCount, long brokenAtSequence, ChainBreakReason reason) =>
        new(verifiedCount, brokenAtSequence, verifiedCount + 1, reason);
}
