using BenchmarkDotNet.Attributes;
using QRCoder;
using SkiaSharp;
using SkiaSharp.HarfBuzz;
using SkillsAcademy.Infrastructure.Pdf;

namespace SkillsAcademy.Benchmarks;

/// <summary>
/// One certificate PDF through the engine (model, layout, per-document font subset, Skia PDF) against the
/// same page drawn with plain SkiaSharp calls: once with the shipped TrueType fonts (Skia then embeds them
/// whole) and once with Debian's CFF Noto Sans CJK SC (Skia makes Type 3 fonts of it).
/// </summary>
[MemoryDiagnoser]
public class CertificatePdfBenchmarks
{
    private const float Width = PageSize.A4LongSide;
    private const float Height = PageSize.A4ShortSide;

    private readonly CertificateContent _content = new(
        "工匠学堂",
        "福建省职工职业技能培训中心",
        "张晓明",
        "350***********1234",
        "焊工（中级）实操与安全规范",
        "焊工",
        "6-18-02-04",
        "四级 / 中级工",
        48m,
        new DateOnly(2026, 11, 20),
        new DateOnly(2026, 11, 24),
        "FJZGH-2026-00000001",
        new Uri("https://skills.example.cn/verify/K7M2Q9XW4T"));

    private SkiaPdfRenderer _renderer = default!;
    private RawFonts _shipped = default!;
    private RawFonts _systemCff = default!;

    [GlobalSetup]
    public void Setup()
    {
        _renderer = new SkiaPdfRenderer();
        _shipped = new RawFonts(Embedded("NotoSansSC-Regular-Han.ttf"), Embedded("NotoSansSC-Bold-Han.ttf"));
        // SkiaSharp's NoDependencies build has no font manager: open Debian's collection (fonts-noto-cjk) directly.
        _systemCff = new RawFonts(
            SimplifiedChinese("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
            SimplifiedChinese("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _renderer.Dispose();
        _shipped.Dispose();
        _systemCff.Dispose();
    }

    [Benchmark(Baseline = true)]
    public int Engine() => _renderer.RenderPdf(CertificateDocument.Create(_content)).Length;

    [Benchmark]
    public int RawSkiaShippedTrueType() => RawPdf(_shipped);

    [Benchmark]
    public int RawSkiaSystemCff() => RawPdf(_systemCff);

    private static SKTypeface SimplifiedChinese(string collection) =>
        Enumerable.Range(0, 10).Select(i => SKTypeface.FromFile(collection, i)).FirstOrDefault(t => t?.FamilyName == "Noto Sans CJK SC")
        ?? throw new InvalidOperationException($"Noto Sans CJK SC not found in {collection}: apt-get install fonts-noto-cjk.");

    private static SKTypeface Embedded(string file)
    {
        using var stream = typeof(SkiaPdfRenderer).Assembly.GetManifestResourceStream("SkillsAcademy.Infrastructure.Pdf.Fonts." + file)!;
        return SKTypeface.FromStream(stream);
    }

    private int RawPdf(RawFonts fonts)
    {
        using var output = new MemoryStream();
        using (var stream = new SKManagedWStream(output))
        using (var document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata { Title = "结业证书", RasterDpi = 300 }))
        {
            DrawCertificate(document.BeginPage(Width, Height), fonts);
            document.EndPage();
            document.Close();
        }

        return (int)output.Length;
    }

    // The certificate of CertificateDocument, written out as direct canvas calls.
    private void DrawCertificate(SKCanvas canvas, RawFonts fonts)
    {
        var navy = new SKColor(0x1F, 0x3A, 0x5F);
        var gold = new SKColor(0xB0, 0x8D, 0x3C);
        var paleGold = new SKColor(0xE9, 0xDD, 0xBF);
        var ink = new SKColor(0x2B, 0x2B, 0x2B);
        var grey = new SKColor(0x6B, 0x6B, 0x6B);
        using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        using var stroke = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke };

        fill.Color = new SKColor(0xFC, 0xFA, 0xF4);
        canvas.DrawRect(0, 0, Width, Height, fill);
        stroke.Color = navy;
        stroke.StrokeWidth = 5;
        canvas.DrawRect(16, 16, Width - 32, Height - 32, stroke);
        stroke.Color = gold;
        stroke.StrokeWidth = 1.4f;
        canvas.DrawRect(25, 25, Width - 50, Height - 50, stroke);
        stroke.StrokeWidth = 0.5f;
        canvas.DrawRect(30, 30, Width - 60, Height - 60, stroke);
        stroke.StrokeWidth = 1.2f;
        foreach (var (x, y, dx, dy) in new[] { (30f, 30f, 1f, 1f), (Width - 30, 30f, -1f, 1f), (30f, Height - 30, 1f, -1f), (Width - 30, Height - 30, -1f, -1f) })
        {
            canvas.DrawLine(x + (dx * 8), y + (dy * 8), x + (dx * 48), y + (dy * 8), stroke);
            canvas.DrawLine(x + (dx * 8), y + (dy * 8), x + (dx * 8), y + (dy * 48), stroke);
            fill.Color = navy;
            Diamond(canvas, x + (dx * 16), y + (dy * 16), 4, fill);
        }

        const float centre = Width / 2;
        canvas.DrawCircle(centre, 62, 27, stroke);
        fill.Color = navy;
        canvas.DrawCircle(centre, 62, 23.5f, fill);
        fill.Color = gold;
        for (var i = 0; i < 12; i++)
        {
            canvas.DrawCircle(centre + (27 * MathF.Cos(i * MathF.PI / 6)), 62 + (27 * MathF.Sin(i * MathF.PI / 6)), 2.6f, fill);
        }

        using (var star = new SKPathBuilder())
        {
            for (var i = 0; i < 10; i++)
            {
                var radius = i % 2 == 0 ? 14 : 5.6f;
                var angle = (-MathF.PI / 2) + (i * MathF.PI / 5);
                var point = new SKPoint(centre + (radius * MathF.Cos(angle)), 62 + (radius * MathF.Sin(angle)));
                if (i == 0)
                {
                    star.MoveTo(point);
                }
                else
                {
                    star.LineTo(point);
                }
            }

            star.Close();
            using var path = star.Detach();
            canvas.DrawPath(path, fill);
        }

        Spaced(canvas, fonts.Bold, fonts.BoldShaper, _content.PlatformName, 10, 5, centre, 107, gold);
        Spaced(canvas, fonts.Bold, fonts.BoldShaper, "结业证书", 40, 20, centre, 160, navy);
        Spaced(canvas, fonts.Regular, fonts.RegularShaper, "CERTIFICATE OF COMPLETION", 9.5f, 4, centre, 180, gold);
        stroke.StrokeWidth = 0.8f;
        canvas.DrawLine(centre - 170, 192, centre - 12, 192, stroke);
        canvas.DrawLine(centre + 12, 192, centre + 170, 192, stroke);
        Diamond(canvas, centre, 192, 4.5f, fill);
        Spaced(canvas, fonts.Bold, fonts.BoldShaper, _content.LearnerName, 28, 6, centre, 232, ink);
        canvas.DrawLine(centre - 130, 244, centre + 130, 244, stroke);
        Text(canvas, fonts.Regular, fonts.RegularShaper, $"身份证号：{_content.MaskedIdNumber}", 10.5f, centre, 262, SKTextAlign.Center, grey);
        Text(canvas, fonts.Regular, fonts.RegularShaper, $"于2026年11月20日完成“{_content.CourseTitle}”课程全部学习内容，累计48学时，", 14, centre, 294, SKTextAlign.Center, ink);
        Text(canvas, fonts.Regular, fonts.RegularShaper, "经考核合格，准予结业。特发此证。", 14, centre, 318, SKTextAlign.Center, ink);

        fill.Color = SKColors.White;
        stroke.Color = paleGold;
        canvas.DrawRoundRect(92, 340, 504, 100, 4, 4, fill);
        canvas.DrawRoundRect(92, 340, 504, 100, 4, 4, stroke);
        canvas.DrawLine(92, 390, 596, 390, stroke);
        canvas.DrawLine(260, 340, 260, 440, stroke);
        canvas.DrawLine(428, 340, 428, 440, stroke);
        string[] labels = ["职业（工种）", "技能等级", "学时", "完成日期", "发证日期", "证书编号"];
        string[] values = [$"{_content.OccupationName}（{_content.OccupationCode}）", _content.SkillLevel, "48 学时", "2026年11月20日", "2026年11月24日", _content.Serial];
        for (var i = 0; i < 6; i++)
        {
            var x = 104 + (168 * (i % 3));
            var y = 348 + (50 * (i / 3));
            Text(canvas, fonts.Regular, fonts.RegularShaper, labels[i], 8.5f, x, y + 9, SKTextAlign.Left, grey);
            Text(canvas, fonts.Bold, fonts.BoldShaper, values[i], 12, x, y + 27, SKTextAlign.Left, ink);
        }

        canvas.DrawRoundRect(650, 346, 104, 104, 4, 4, fill);
        canvas.DrawRoundRect(650, 346, 104, 104, 4, 4, stroke);
        DrawQr(canvas, _content.VerificationUrl.AbsoluteUri, 654, 350, 96, navy);
        Text(canvas, fonts.Regular, fonts.RegularShaper, "扫码验证真伪", 9, 702, 463, SKTextAlign.Center, grey);
        Text(canvas, fonts.Regular, fonts.RegularShaper, "发证机构", 9.5f, 92, 478, SKTextAlign.Left, grey);
        Text(canvas, fonts.Bold, fonts.BoldShaper, _content.IssuerName, 15, 92, 499, SKTextAlign.Left, navy);
        Text(canvas, fonts.Regular, fonts.RegularShaper, "2026年11月24日", 11, 92, 520, SKTextAlign.Left, ink);
        Text(canvas, fonts.Regular, fonts.RegularShaper, $"证书编号 {_content.Serial}   ·   验证网址 {_content.VerificationUrl.AbsoluteUri}", 8, centre, 546, SKTextAlign.Center, grey);
    }

    private static void Text(SKCanvas canvas, SKTypeface typeface, SKShaper shaper, string text, float size, float x, float baseline, SKTextAlign align, SKColor color)
    {
        using var font = new SKFont(typeface, size);
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        canvas.DrawShapedText(shaper, text, x, baseline, align, font, paint);
    }

    private static void Spaced(SKCanvas canvas, SKTypeface typeface, SKShaper shaper, string text, float size, float spacing, float centre, float baseline, SKColor color)
    {
        using var font = new SKFont(typeface, size);
        var total = text.Sum(c => font.MeasureText(c.ToString())) + (spacing * (text.Length - 1));
        var x = centre - (total / 2);
        foreach (var c in text)
        {
            Text(canvas, typeface, shaper, c.ToString(), size, x, baseline, SKTextAlign.Left, color);
            x += font.MeasureText(c.ToString()) + spacing;
        }
    }

    private static void Diamond(SKCanvas canvas, float x, float y, float radius, SKPaint paint)
    {
        using var builder = new SKPathBuilder();
        builder.AddPoly([new(x, y - radius), new(x + radius, y), new(x, y + radius), new(x - radius, y)], close: true);
        using var path = builder.Detach();
        canvas.DrawPath(path, paint);
    }

    private static void DrawQr(SKCanvas canvas, string content, float left, float top, float size, SKColor color)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(content, QRCodeGenerator.ECCLevel.M);
        var module = size / data.ModuleMatrix.Count;
        using var paint = new SKPaint { Color = color, Style = SKPaintStyle.Fill };
        for (var row = 0; row < data.ModuleMatrix.Count; row++)
        {
            for (var column = 0; column < data.ModuleMatrix[row].Length; column++)
            {
                if (data.ModuleMatrix[row][column])
                {
                    canvas.DrawRect(left + (column * module), top + (row * module), module, module, paint);
                }
            }
        }
    }

    private sealed class RawFonts(SKTypeface regular, SKTypeface bold) : IDisposable
    {
        public SKTypeface Regular { get; } = regular;

        public SKTypeface Bold { get; } = bold;

        public SKShaper RegularShaper { get; } = new(regular);

        public SKShaper BoldShaper { get; } = new(bold);

        public void Dispose()
        {
            RegularShaper.Dispose();
            BoldShaper.Dispose();
            Regular.Dispose();
            Bold.Dispose();
        }
    }
}
