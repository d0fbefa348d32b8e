using System.Collections.Concurrent;
using System.Globalization;
using SkillsAcademy.Domain.Statistics;

namespace SkillsAcademy.Web.Features.Statistics;

/// <summary>
/// The answers to statistics questions, kept until the rollups change: every staff member who opens the dashboard asks the
/// same first questions, and nothing they read changes between two rollup transactions (<see cref="RollupStamp"/>). An
/// answer is kept only when the version was the same before and after it was computed. Each node keeps its own; at most
/// <see cref="MaxAnswers"/> answers per version.
/// </summary>
public sealed class StatisticsAnswerCache(LearnerActivityCache activity)
{
    internal const int MaxAnswers = 1_000;

    private Answers? _current;

    /// <summary>The answer to <paramref name="question"/> at the rollups' current version, computed when not kept.</summary>
    internal async Task<IReadOnlyList<GroupFigures>> GetOrComputeAsync(
        string question, Func<Task<IReadOnlyList<GroupFigures>>> compute, CancellationToken cancellationToken)
    {
        var version = await activity.VersionAsync(cancellationToken);
        var answers = Volatile.Read(ref _current);
        if (answers is null || answers.Version != version)
        {
            answers = new Answers(version);
            Volatile.Write(ref _current, answers);
        }

        if (answers.Kept.TryGetValue(question, out var kept))
        {
            return kept;
        }

        var answer = await compute();
        if (answers.Kept.Count < MaxAnswers && await activity.VersionAsync(cancellationToken) == version)
        {
            answers.Kept.TryAdd(question, answer);
        }

        return answer;
    }

    /// <summary>A question's identity: the layout and every field of the filter, written the same in every culture.</summary>
    internal static string Question(string layout, StatisticsFilter filter) => string.Create(
        CultureInfo.InvariantCulture,
        $"{layout}|{filter.From:yyyy-MM-dd}|{filter.To:yyyy-MM-dd}|{filter.RegionCode}|{filter.OccupationId}|{(int?)filter.SkillLevel}|{filter.EnterpriseId}|{filter.CourseId}");

    private sealed class Answers(long version)
    {
        public long Version { get; } = version;

        public ConcurrentDictionary<string, IReadOnlyList<GroupFigures>> Kept { get; } = new(StringComparer.Ordinal);
    }
}
