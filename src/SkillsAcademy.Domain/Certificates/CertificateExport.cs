namespace SkillsAcademy.Domain.Certificates;

public enum ExportStatus
{
    Queued = 1,
    Running = 2,
    Completed = 3,
    Failed = 4,
}

/// <summary>
/// A staff request for a ZIP of the certificates of a course and/or an issue period, built by a background job that
/// reports its progress here. The file lives in the temporary folder and is cleaned up after a day.
/// </summary>
public sealed class CertificateExport
{
    private CertificateExport()
    {
        BaseUrl = "";
    }

    public CertificateExport(Guid id, Guid requestedBy, int? courseId, DateOnly? from, DateOnly? to, string baseUrl, DateTimeOffset createdAt)
    {
        if (from is { } f && to is { } t && t < f)
        {
            throw new ArgumentException("The period ends before it starts.", nameof(to));
        }

        Id = id;
        RequestedBy = requestedBy;
        CourseId = courseId;
        From = from;
        To = to;
        BaseUrl = baseUrl;
        CreatedAt = createdAt;
        Status = ExportStatus.Queued;
    }

    public Guid Id { get; private set; }

    public Guid RequestedBy { get; private set; }

    public int? CourseId { get; private set; }

    public DateOnly? From { get; private set; }

    public DateOnly? To { get; private set; }

    /// <summary>The platform address for the certificates' QR codes, taken from the request that asked for the export.</summary>
    public string BaseUrl { get; private set; }

    public ExportStatus Status { get; private set; }

    public int Total { get; private set; }

    public int Done { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public int Percent => Status == ExportStatus.Completed ? 100 : Total == 0 ? 0 : Done * 100 / Total;
}
