using System.Text;
using System.Text.RegularExpressions;
using SkiaSharp;
using SkillsAcademy.Infrastructure.Pdf;
using UglyToad.PdfPig;
using static SkillsAcademy.UnitTests.Infrastructure.Pdf.PdfTestSupport;

namespace SkillsAcademy.UnitTests.Infrastructure.Pdf;

public sealed partial class CertificateDocumentTests
{
    private static readonly byte[] s_pdf = Renderer.RenderPdf(CertificateDocument.Create(Certificate()));

    [Fact]
    public void Certificate_pdf_contains_the_learners_name_course_and_serial()
    {
        var text = PageTexts(s_pdf).ShouldHaveSingleItem();

        text.ShouldContain("张晓明");
        text.ShouldContain("焊工（中级）实操与安全规范".Normalize(NormalizationForm.FormKC));
        text.ShouldContain("FJZGH-2026-00000001");
        text.ShouldContain("350***********1234");
        text.ShouldContain("结业证书");
    }

    [Fact]
    public void Certificate_text_extracts_as_the_characters_drawn_without_normalisation()
    {
        using var document = PdfDocument.Open(s_pdf);
        var raw = Compact(document.GetPage(1).Text);

        // 工 shares its glyph with the Kangxi radical ⼯ in Noto CJK; the shipped subset maps it to 工 only.
        raw.ShouldContain("工匠学堂");
        raw.ShouldContain("焊工（中级）实操与安全规范");
        raw.ShouldNotContain("⼯");
    }

    [Fact]
    public void Certificate_pdf_embeds_subsets_of_the_shipped_fonts()
    {
        using var document = PdfDocument.Open(s_pdf);
        var fonts = document.GetPage(1).Letters.Select(l => l.FontName).Distinct().ToList();

        fonts.ShouldNotBeEmpty();
        fonts.ShouldAllBe(name => name != null && SubsetFontName().IsMatch(name));
        Encoding.Latin1.GetString(s_pdf).ShouldContain("/FontFile2");
    }

    [Fact]
    public void Certificate_pdf_is_smaller_than_150_KB()
    {
        s_pdf.Length.ShouldBeLessThan(150 * 1024);
    }

    [Theory]
    [InlineData("许堃")]
    [InlineData("张犇")]
    [InlineData("李喆")]
    [InlineData("陈婧")]
    [InlineData("王玥珺")]
    public void A_rare_name_character_draws_a_real_glyph_and_extracts_as_itself(string name)
    {
        foreach (var weight in new[] { FontWeight.Regular, FontWeight.Bold })
        {
            using var font = new SKFont(ShippedFonts.Primary(weight));
            name.ShouldAllBe(c => font.GetGlyph(c) != 0, $"{weight}: a glyph id of 0 is the .notdef box");
        }

        var pdf = Renderer.RenderPdf(CertificateDocument.Create(Certificate(name)));

        // A box would have no ToUnicode entry for the character, so extraction proves the real glyph was drawn.
        PageTexts(pdf).ShouldHaveSingleItem().ShouldContain(name);
        pdf.Length.ShouldBeLessThan(150 * 1024);
    }

    [Fact]
    public void Every_hanzi_of_GBK_has_a_glyph_in_both_shipped_weights()
    {
        // U+4E00–U+9FA5 holds GBK's 20,902 hanzi (and the 6,763 of GB2312 the fonts held before).
        foreach (var weight in new[] { FontWeight.Regular, FontWeight.Bold })
        {
            Enumerable.Range(0x4E00, 0x9FA5 - 0x4E00 + 1).Where(c => !ShippedFonts.Covers(c, weight))
                .Select(char.ConvertFromUtf32).ShouldBeEmpty($"{weight} lacks these");
        }
    }

    [Fact]
    public void Certificate_is_one_A4_landscape_page()
    {
        using var document = PdfDocument.Open(s_pdf);

        document.NumberOfPages.ShouldBe(1);
        document.GetPage(1).Width.ShouldBe(PageSize.A4LongSide, 0.5);
        document.GetPage(1).Height.ShouldBe(PageSize.A4ShortSide, 0.5);
    }

    [Fact]
    public void Certificate_QR_code_decodes_to_the_verification_url()
    {
        var png = Renderer.RenderPng(CertificateDocument.Create(Certificate()), 100).ShouldHaveSingleItem();

        DecodeQrCode(png).ShouldBe("https://skills.example.cn/verify/K7M2Q9XW4T");
    }

    [Fact]
    public void A_long_course_title_wraps_and_stays_on_the_page()
    {
        var title = string.Concat(Enumerable.Repeat("建筑施工现场安全管理与应急处置", 4));
        var pdf = Renderer.RenderPdf(CertificateDocument.Create(Certificate(courseTitle: title)));

        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        Compact(page.Text).ShouldContain(title);
        page.Letters.ShouldAllBe(l => l.BoundingBox.Right <= page.Width - 30 && l.BoundingBox.Left >= 30);
    }

    [GeneratedRegex(@"^[A-Z]{6}\+NotoSansCJKsc-(Regular|Bold)$")]
    private static partial Regex SubsetFontName();
}
