namespace SkillsAcademy.Infrastructure.Pdf;

/// <summary>One line of a learning record, formatted by the caller.</summary>
public sealed record LearningRecordRow(string Time, string Event, string Course, string Details, string HashPrefix);

/// <summary>Who the record is about (masked, since the printout leaves the platform) and when it was made.</summary>
public sealed record LearningRecordContent(
    string PlatformName,
    string MaskedLearnerName,
    string MaskedIdNumber,
    string GeneratedAt,
    IReadOnlyList<LearningRecordRow> Rows);

/// <summary>
/// The 学习记录 printout: A4 portrait pages of the learner's events, the title and column titles repeated on
/// every page and the pages numbered, so any page on its own says whose record it is.
/// </summary>
public static class LearningRecordDocument
{
    private static readonly PdfColor s_navy = PdfColor.FromHex("#1F3A5F");
    private static readonly PdfColor s_ink = PdfColor.FromHex("#2B2B2B");
    private static readonly PdfColor s_grey = PdfColor.FromHex("#6B6B6B");

    public static PdfDocumentModel Create(LearningRecordContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        const float margin = 42;
        const float width = PageSize.A4ShortSide - (2 * margin);
        PageElement[] header =
        [
            new TextBlock(margin, margin, width, content.PlatformName, new TextStyle(9, Color: s_grey)),
            new TextBlock(margin, margin + 14, width, "学习记录", new TextStyle(20, FontWeight.Bold, s_navy, LetterSpacing: 4)),
            new TextBlock(margin, margin + 46, width, $"学员：{content.MaskedLearnerName}    身份证号：{content.MaskedIdNumber}", new TextStyle(10, Color: s_ink)),
            new TextBlock(margin, margin + 62, width, $"生成时间：{content.GeneratedAt}", new TextStyle(10, Color: s_ink)),
            new LineElement(margin, margin + 82, margin + width, margin + 82, s_navy, 1.2f),
        ];
        var table = new PdfTable(
            [
                new TableColumn("时间", 1.3f),
                new TableColumn("事件", 0.9f),
                new TableColumn("课程", 1.9f),
                new TableColumn("详情", 2.3f),
                new TableColumn("哈希", 0.8f),
            ],
            [.. content.Rows.Select(r => (IReadOnlyList<string>)[r.Time, r.Event, r.Course, r.Details, r.HashPrefix])],
            new TextStyle(9.5f, FontWeight.Bold, PdfColor.White, LineHeight: 1.3f),
            new TextStyle(8.5f, Color: s_ink, LineHeight: 1.35f),
            HeaderFill: s_navy,
            RuleColor: PdfColor.FromHex("#C9CED6"),
            StripeFill: PdfColor.FromHex("#F3F5F8"));
        return new PdfDocumentModel(
            $"学习记录 {content.MaskedLearnerName}",
            content.PlatformName,
            [new TablePages(PageOrientation.Portrait, header, margin + 94, table, new PageNumbering("第 {0} 页 / 共 {1} 页", new TextStyle(8.5f, Color: s_grey)), margin)]);
    }
}
