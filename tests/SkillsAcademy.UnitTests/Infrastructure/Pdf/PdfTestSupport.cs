using System.Text;
using SkiaSharp;
using SkillsAcademy.Infrastructure.Pdf;
using UglyToad.PdfPig;
using ZXing;
using ZXing.Common;

namespace SkillsAcademy.UnitTests.Infrastructure.Pdf;

/// <summary>One renderer for all PDF tests (it loads the fonts once), and the readers they check with.</summary>
internal static class PdfTestSupport
{
    public static SkiaPdfRenderer Renderer { get; } = new();

    /// <summary>The shipped fonts as the renderer loads them, to ask which characters they draw.</summary>
    public static PdfFonts ShippedFonts { get; } = new();

    public static CertificateContent Certificate(string learnerName = "张晓明", string courseTitle = "焊工（中级）实操与安全规范") => new(
        "工匠学堂",
        "福建省职工职业技能培训中心",
        learnerName,
        "350***********1234",
        courseTitle,
        "焊工",
        "6-18-02-04",
        "四级 / 中级工",
        48m,
        new DateOnly(2026, 11, 20),
        new DateOnly(2026, 11, 24),
        "FJZGH-2026-00000001",
        new Uri("https://skills.example.cn/verify/K7M2Q9XW4T"));

    /// <summary>The text of each page as PdfPig extracts it, NFKC-normalised, white space removed.</summary>
    public static IReadOnlyList<string> PageTexts(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().Select(p => Compact(p.Text.Normalize(NormalizationForm.FormKC)))];
    }

    public static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>Decodes the one QR code on a PNG page, or null.</summary>
    public static string? DecodeQrCode(byte[] png)
    {
        using var decoded = SKBitmap.Decode(png);
        using var bitmap = decoded.Copy(SKColorType.Bgra8888);
        var reader = new BarcodeReaderGeneric
        {
            Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true },
        };
        return reader.Decode(new RGBLuminanceSource(bitmap.Bytes, bitmap.Width, bitmap.Height, RGBLuminanceSource.BitmapFormat.BGRA32))?.Text;
    }
}
