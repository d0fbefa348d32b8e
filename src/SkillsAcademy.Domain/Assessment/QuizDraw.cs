namespace SkillsAcademy.Domain.Assessment;

/// <summary>
/// Draws an attempt's questions and the order of each question's options, once, when the attempt starts.
/// The random source is a parameter so that tests can fix it; the platform uses a cryptographic one.
/// </summary>
public static class QuizDraw
{
    /// <summary>Picks <paramref name="count"/> distinct questions (all of them if there are fewer), in random order.</summary>
    public static IReadOnlyList<T> Questions<T>(IReadOnlyList<T> bank, int count, Func<int, int> nextBelow)
    {
        ArgumentNullException.ThrowIfNull(bank);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var pool = bank.ToArray();
        Shuffle(pool, nextBelow);
        return pool.Take(Math.Min(count, pool.Length)).ToArray();
    }

    /// <summary>
    /// A display order of the options (1-based positions). True/false keeps its natural order: 正确 before 错误.
    /// </summary>
    public static IReadOnlyList<int> OptionOrder(int optionCount, bool shuffle, Func<int, int> nextBelow)
    {
        var order = Enumerable.Range(1, optionCount).ToArray();
        if (shuffle)
        {
            Shuffle(order, nextBelow);
        }

        return order;
    }

    // Fisher–Yates: every permutation equally likely when nextBelow is uniform.
    private static void Shuffle<T>(T[] items, Func<int, int> nextBelow)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = nextBelow(i + 1);
            if (j < 0 || j > i)
            {
                throw new InvalidOperationException("The random source returned a number out of range.");
            }

            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
