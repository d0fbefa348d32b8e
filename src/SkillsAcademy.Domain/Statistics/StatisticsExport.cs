using SkillsAcademy.Domain.Certificates;

namespace SkillsAcademy.Domain.Statistics;

/// <summary>
/// A staff request for a statistics file (CSV or XLSX) built by a background job that reports its progress here.
/// The filter is kept as JSON so the job answers exactly what was asked.
/// </summary>
public sealed class StatisticsExport
{
    private StatisticsExport()
    {
        FilterJson = "";
    }

    public StatisticsExport(Guid id, Guid requestedBy, StatisticsLayout layout, StatisticsFileFormat format, string filterJson, DateTimeOffset createdAt)
    {
        Id = id;
        RequestedBy = requestedBy;
        Layout = layout;
        Format = format;
        FilterJson = filterJson;
        CreatedAt = createdAt;
        Status = ExportStatus.Queued;
    }

    public Guid Id { get; private set; }

    public Guid RequestedBy { get; private set; }

    public StatisticsLayout Layout { get; private set; }

    public StatisticsFileFormat Format { get; private set; }

    public string FilterJson { get; private set; }

    public ExportStatus Status { get; private set; }

    public int Total { get; private set; }

    public int Done { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public int Percent => Status == ExportStatus.Completed ? 100 : Total == 0 ? 0 : (int)(Done * 100L / Total);
}

/// <summary>The rows of a statistics table or export: one per value of the chosen dimension(s).</summary>
public enum StatisticsLayout
{
    ByRegion = 1,
    ByOccupation = 2,
    ByCourse = 3,
    ByEnterprise = 4,
    ByMonth = 5,
    ByLevel = 6,

    /// <summary>The provincial skills-upgrade report: region × occupation.</summary>
    ProvincialReport = 10,
}

public enum StatisticsFileFormat
{
    Csv = 1,
    Xlsx = 2,
}
