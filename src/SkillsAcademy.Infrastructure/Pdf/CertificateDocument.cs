using System.Globalization;

namespace SkillsAcademy.Infrastructure.Pdf;

/// <summary>
/// What a certificate states, already decided and formatted by the caller: the ID number arrives masked
/// (first 3 and last 4 digits shown), the serial and verification URL arrive issued.
/// </summary>
public sealed record CertificateContent(
    string PlatformName,
    string IssuerName,
    string LearnerName,
    string MaskedIdNumber,
    string CourseTitle,
    string OccupationName,
    string OccupationCode,
    string SkillLevel,
    decimal CreditHours,
    DateOnly CompletionDate,
    DateOnly IssueDate,
    string Serial,
    Uri VerificationUrl);

/// <summary>
/// The 结业证书: one A4 landscape page in Chinese, the language the certificate is issued in. Builds only the
/// document model; <see cref="IPdfRenderer"/> turns it into PDF or PNG.
/// </summary>
public static class CertificateDocument
{
    private const float Width = PageSize.A4LongSide;
    private const float Height = PageSize.A4ShortSide;
    private const float Centre = Width / 2;

    private static readonly PdfColor s_navy = PdfColor.FromHex("#1F3A5F");
    private static readonly PdfColor s_gold = PdfColor.FromHex("#B08D3C");
    private static readonly PdfColor s_paleGold = PdfColor.FromHex("#E9DDBF");
    private static readonly PdfColor s_paper = PdfColor.FromHex("#FCFAF4");
    private static readonly PdfColor s_ink = PdfColor.FromHex("#2B2B2B");
    private static readonly PdfColor s_grey = PdfColor.FromHex("#6B6B6B");

    public static PdfDocumentModel Create(CertificateContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var elements = new List<PageElement>();
        AddFrame(elements);
        AddEmblem(elements, content.PlatformName);

        elements.Add(Centred(114, "结业证书", new TextStyle(40, FontWeight.Bold, s_navy, LetterSpacing: 20, LineHeight: 1.2f)));
        elements.Add(Centred(166, "CERTIFICATE OF COMPLETION", new TextStyle(9.5f, FontWeight.Regular, s_gold, LetterSpacing: 4)));
        AddDivider(elements, 192);

        elements.Add(Centred(204, content.LearnerName, new TextStyle(28, FontWeight.Bold, s_ink, LetterSpacing: 6, LineHeight: 1.3f)));
        elements.Add(new LineElement(Centre - 130, 244, Centre + 130, 244, s_gold, 0.8f));
        elements.Add(Centred(250, $"身份证号：{content.MaskedIdNumber}", new TextStyle(10.5f, Color: s_grey)));
        elements.Add(new TextBlock(
            100,
            274,
            Width - 200,
            $"于{Date(content.CompletionDate)}完成“{content.CourseTitle}”课程全部学习内容，累计{Hours(content.CreditHours)}学时，\n经考核合格，准予结业。特发此证。",
            new TextStyle(14, Color: s_ink, LineHeight: 1.7f),
            TextAlignment.Center));

        AddDetails(elements, content);

        const float qrSize = 96;
        const float qrX = Width - 92 - qrSize;
        const float qrY = 350;
        elements.Add(new RectangleElement(qrX - 4, qrY - 4, qrSize + 8, qrSize + 8, PdfColor.White, s_paleGold, 0.8f, 4));
        elements.Add(new QrCodeElement(qrX, qrY, qrSize, content.VerificationUrl.AbsoluteUri, s_navy));
        elements.Add(new TextBlock(qrX - 20, qrY + qrSize + 8, qrSize + 40, "扫码验证真伪", new TextStyle(9, Color: s_grey), TextAlignment.Center));

        elements.Add(new TextBlock(92, 468, 300, "发证机构", new TextStyle(9.5f, Color: s_grey)));
        elements.Add(new TextBlock(92, 484, 420, content.IssuerName, new TextStyle(15, FontWeight.Bold, s_navy)));
        elements.Add(new TextBlock(92, 508, 420, $"{Date(content.IssueDate)}", new TextStyle(11, Color: s_ink)));

        elements.Add(Centred(
            538,
            $"证书编号 {content.Serial}   ·   验证网址 {content.VerificationUrl.AbsoluteUri}",
            new TextStyle(8, Color: s_grey)));

        return new PdfDocumentModel(
            $"结业证书 {content.Serial}",
            content.IssuerName,
            [new FixedPage(PageOrientation.Landscape, elements)]);
    }

    private static TextBlock Centred(float y, string text, TextStyle style) => new(60, y, Width - 120, text, style, TextAlignment.Center);

    private static string Date(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    private static string Hours(decimal hours) => hours.ToString("0.#", CultureInfo.InvariantCulture);

    private static void AddFrame(List<PageElement> elements)
    {
        elements.Add(new RectangleElement(0, 0, Width, Height, Fill: s_paper));
        elements.Add(new RectangleElement(16, 16, Width - 32, Height - 32, Stroke: s_navy, StrokeWidth: 5));
        elements.Add(new RectangleElement(25, 25, Width - 50, Height - 50, Stroke: s_gold, StrokeWidth: 1.4f));
        elements.Add(new RectangleElement(30, 30, Width - 60, Height - 60, Stroke: s_gold, StrokeWidth: 0.5f));
        foreach (var (x, y, dx, dy) in new[] { (30f, 30f, 1f, 1f), (Width - 30, 30f, -1f, 1f), (30f, Height - 30, 1f, -1f), (Width - 30, Height - 30, -1f, -1f) })
        {
            // A corner bracket and a diamond in each corner of the inner frame.
            elements.Add(new LineElement(x + (dx * 8), y + (dy * 8), x + (dx * 48), y + (dy * 8), s_gold, 1.2f));
            elements.Add(new LineElement(x + (dx * 8), y + (dy * 8), x + (dx * 8), y + (dy * 48), s_gold, 1.2f));
            elements.Add(Diamond(x + (dx * 16), y + (dy * 16), 4, s_navy));
        }
    }

    private static void AddEmblem(List<PageElement> elements, string platformName)
    {
        const float cy = 62;
        elements.Add(new CircleElement(Centre, cy, 27, Stroke: s_gold, StrokeWidth: 1.2f));
        elements.Add(new CircleElement(Centre, cy, 23.5f, Fill: s_navy));
        // Twelve gear teeth around the ring: the craft, the star: excellence.
        for (var i = 0; i < 12; i++)
        {
            var angle = i * MathF.PI / 6;
            elements.Add(new CircleElement(Centre + (27 * MathF.Cos(angle)), cy + (27 * MathF.Sin(angle)), 2.6f, Fill: s_gold));
        }

        elements.Add(new PolygonElement(Star(Centre, cy, 14, 5.6f), Fill: s_gold));
        elements.Add(Centred(93, platformName, new TextStyle(10, FontWeight.Bold, s_gold, LetterSpacing: 5)));
    }

    private static void AddDivider(List<PageElement> elements, float y)
    {
        elements.Add(new LineElement(Centre - 170, y, Centre - 12, y, s_gold, 0.8f));
        elements.Add(new LineElement(Centre + 12, y, Centre + 170, y, s_gold, 0.8f));
        elements.Add(Diamond(Centre, y, 4.5f, s_gold));
    }

    private static void AddDetails(List<PageElement> elements, CertificateContent content)
    {
        const float left = 92;
        const float top = 340;
        const float cellWidth = 168;
        const float rowHeight = 50;
        (string Label, string Value)[] cells =
        [
            ("职业（工种）", $"{content.OccupationName}（{content.OccupationCode}）"),
            ("技能等级", content.SkillLevel),
            ("学时", $"{Hours(content.CreditHours)} 学时"),
            ("完成日期", Date(content.CompletionDate)),
            ("发证日期", Date(content.IssueDate)),
            ("证书编号", content.Serial),
        ];
        elements.Add(new RectangleElement(left, top, cellWidth * 3, rowHeight * 2, PdfColor.White, s_paleGold, 0.8f, 4));
        elements.Add(new LineElement(left, top + rowHeight, left + (cellWidth * 3), top + rowHeight, s_paleGold, 0.8f));
        elements.Add(new LineElement(left + cellWidth, top, left + cellWidth, top + (rowHeight * 2), s_paleGold, 0.8f));
        elements.Add(new LineElement(left + (cellWidth * 2), top, left + (cellWidth * 2), top + (rowHeight * 2), s_paleGold, 0.8f));
        for (var i = 0; i < cells.Length; i++)
        {
            var x = left + (cellWidth * (i % 3)) + 12;
            var y = top + (rowHeight * (i / 3)) + 8;
            elements.Add(new TextBlock(x, y, cellWidth - 24, cells[i].Label, new TextStyle(8.5f, Color: s_grey, LineHeight: 1.3f)));
            elements.Add(new TextBlock(x, y + 14, cellWidth - 24, cells[i].Value, new TextStyle(12, FontWeight.Bold, s_ink, LineHeight: 1.4f)));
        }
    }

    private static PolygonElement Diamond(float x, float y, float radius, PdfColor color) =>
        new([new(x, y - radius), new(x + radius, y), new(x, y + radius), new(x - radius, y)], Fill: color);

    private static PdfPoint[] Star(float cx, float cy, float outer, float inner)
    {
        var points = new PdfPoint[10];
        for (var i = 0; i < 10; i++)
        {
            var radius = i % 2 == 0 ? outer : inner;
            var angle = (-MathF.PI / 2) + (i * MathF.PI / 5);
            points[i] = new PdfPoint(cx + (radius * MathF.Cos(angle)), cy + (radius * MathF.Sin(angle)));
        }

        return points;
    }
}
