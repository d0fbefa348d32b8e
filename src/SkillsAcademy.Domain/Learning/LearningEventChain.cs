using System.Collections.ObjectModel;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SkillsAcademy.Domain.Learning;

/// <summary>
/// Each learner's events form a hash chain: Hash = SHA-256(previous hash bytes ‖ canonical JSON bytes),
/// the first event's previous hash being 32 zero bytes. Any edit, deletion or reordering is detected.
/// </summary>
public static class LearningEventChain
{
    public static readonly string GenesisHash = new('0', 64);

    public const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    private const string HexDigits = "0123456789abcdefABCDEF";

    // The default encoder escapes every non-ASCII character, so the bytes cannot change with the runtime's Unicode tables.
    private static readonly JsonWriterOptions _writerOptions = new() { Encoder = JavaScriptEncoder.Default, Indented = false };

    public static LearningEvent Append(LearningEvent? previous, NewLearningEvent next)
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(next.Data);
        if (previous is not null && previous.LearnerId != next.LearnerId)
        {
            throw new ArgumentException("An event can only follow an event of the same learner.", nameof(next));
        }

        var draft = new LearningEvent
        {
            LearnerId = next.LearnerId,
            Sequence = previous is null ? 1 : previous.Sequence + 1,
            Kind = next.Kind,
            OccurredAt = TruncateToMilliseconds(next.OccurredAt.ToUniversalTime()),
            // A copy, so that later changes to the caller's dictionary cannot alter a hashed event.
            Data = new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(next.Data, StringComparer.Ordinal)),
            PreviousHash = previous?.Hash ?? GenesisHash,
            Hash = string.Empty,
        };
        return draft with { Hash = ComputeHash(draft.PreviousHash, draft) };
    }

    public static ChainVerificationResult Verify(IEnumerable<LearningEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);

        long verified = 0;
        var expectedPrevious = GenesisHash;
        Guid? learnerId = null;
        foreach (var e in events)
        {
            var expectedSequence = verified + 1;
            learnerId ??= e.LearnerId;

            ChainBreakReason? reason =
                e.LearnerId != learnerId ? ChainBreakReason.LearnerMismatch
                : e.Sequence > expectedSequence ? ChainBreakReason.SequenceGap
                : e.Sequence < expectedSequence ? ChainBreakReason.SequenceOutOfOrder
                : !string.Equals(e.PreviousHash, expectedPrevious, StringComparison.Ordinal) ? ChainBreakReason.PreviousHashMismatch
                : !string.Equals(e.Hash, ComputeHash(e.PreviousHash, e), StringComparison.Ordinal) ? ChainBreakReason.HashMismatch
                : null;
            if (reason is { } broken)
            {
                return ChainVerificationResult.Broken(verified, e.Sequence, broken);
            }

            verified++;
            expectedPrevious = e.Hash;
        }

        return ChainVerificationResult.Valid(verified);
    }

    /// <param name="previousHash">64 hexadecimal characters.</param>
    public static string ComputeHash(string previousHash, LearningEvent e)
    {
        ArgumentNullException.ThrowIfNull(previousHash);
        ArgumentNullException.ThrowIfNull(e);
        if (previousHash.Length != 64 || previousHash.AsSpan().ContainsAnyExcept(HexDigits))
        {
            throw new ArgumentException("A previous hash is 64 hexadecimal characters.", nameof(previousHash));
        }

        var json = CanonicalJson(e);
        var input = new byte[32 + json.Length];
        Convert.FromHexString(previousHash, input.AsSpan(0, 32), out _, out _);
        json.CopyTo(input, 32);
        return Convert.ToHexStringLower(SHA256.HashData(input));
    }

    /// <summary>
    /// UTF-8 JSON without white space, properties in the order learnerId, sequence, kind, occurredAt, data;
    /// data keys sorted by ordinal; occurredAt in UTC with milliseconds. The hashes are not part of it.
    /// </summary>
    public static byte[] CanonicalJson(LearningEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, _writerOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("learnerId", e.LearnerId.ToString("D", CultureInfo.InvariantCulture));
            writer.WriteNumber("sequence", e.Sequence);
            writer.WriteString("kind", e.Kind.ToString());
            writer.WriteString("occurredAt", e.OccurredAt.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture));
            writer.WriteStartObject("data");
            foreach (var key in e.Data.Keys.Order(StringComparer.Ordinal))
            {
                writer.WriteString(key, e.Data[key]);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static DateTimeOffset TruncateToMilliseconds(DateTimeOffset value) =>
        value.AddTicks(-(value.Ticks % TimeSpan.TicksPerMillisecond));
}
