namespace SkillsAcademy.Domain.Catalog;

/// <summary>Where a version of a course stands in review: Draft → Submitted → Published (or → Returned) → Archived.</summary>
public enum CourseVersionStatus
{
    Draft = 1,
    Submitted = 2,
    Returned = 3,
    Published = 4,
    Archived = 5,
}

public static class CourseVersionTransitions
{
    private static readonly Dictionary<CourseVersionStatus, CourseVersionStatus[]> Allowed = new()
    {
        [CourseVersionStatus.Draft] = [CourseVersionStatus.Submitted],
        [CourseVersionStatus.Submitted] = [CourseVersionStatus.Published, CourseVersionStatus.Returned],
        [CourseVersionStatus.Returned] = [CourseVersionStatus.Submitted],
        [CourseVersionStatus.Published] = [CourseVersionStatus.Archived],
        [CourseVersionStatus.Archived] = [],
    };

    public static bool CanTransition(CourseVersionStatus from, CourseVersionStatus to) =>
        Allowed.TryGetValue(from, out var targets) && targets.Contains(to);

    /// <summary>A draft or returned version is the one an instructor edits; at most one per course.</summary>
    public static bool IsEditable(CourseVersionStatus status) =>
        status is CourseVersionStatus.Draft or CourseVersionStatus.Returned;
}
