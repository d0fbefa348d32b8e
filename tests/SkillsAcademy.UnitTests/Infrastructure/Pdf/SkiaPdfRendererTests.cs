using SkillsAcademy.Infrastructure.Pdf;
using UglyToad.PdfPig;
using static SkillsAcademy.UnitTests.Infrastructure.Pdf.PdfTestSupport;

namespace SkillsAcademy.UnitTests.Infrastructure.Pdf;

public sealed class SkiaPdfRendererTests
{
    private static PdfDocumentModel OnePage(params PageElement[] elements) =>
        new("测试", "工匠学堂", [new FixedPage(PageOrientation.Portrait, elements)]);

    [Fact]
    public void Text_wraps_inside_the_width_of_its_block()
    {
        const float left = 100;
        const float width = 120;
        var text = "职业技能培训是提高劳动者素质的重要途径 and English words wrap at spaces, 中英混排也一样。";
        var pdf = Renderer.RenderPdf(OnePage(new TextBlock(left, 100, width, text, new TextStyle(12))));

        using var document = PdfDocument.Open(pdf);
        var letters = document.GetPage(1).Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
        letters.ShouldAllBe(l => l.BoundingBox.Left >= left - 0.5 && l.BoundingBox.Right <= left + width + 0.5);
        letters.Select(l => Math.Round(l.StartBaseLine.Y)).Distinct().Count().ShouldBeGreaterThan(2);
        Compact(document.GetPage(1).Text).ShouldBe(Compact(text));
    }

    [Fact]
    public void Centred_text_is_centred_in_its_block()
    {
        var pdf = Renderer.RenderPdf(OnePage(new TextBlock(100, 100, 300, "结业证书", new TextStyle(20, LetterSpacing: 10), TextAlignment.Center)));

        using var document = PdfDocument.Open(pdf);
        var letters = document.GetPage(1).Letters;
        var middle = (letters.Min(l => l.BoundingBox.Left) + letters.Max(l => l.BoundingBox.Right)) / 2;
        middle.ShouldBe(250, 2);
    }

    [Fact]
    public void Pages_come_out_in_order_with_their_orientation()
    {
        var document = new PdfDocumentModel("t", "a",
        [
            new FixedPage(PageOrientation.Portrait, [new TextBlock(50, 50, 300, "第一页", new TextStyle(12))]),
            new FixedPage(PageOrientation.Landscape, [new TextBlock(50, 50, 300, "第二页", new TextStyle(12, FontWeight.Bold))]),
        ]);

        using var pdf = PdfDocument.Open(Renderer.RenderPdf(document));
        pdf.NumberOfPages.ShouldBe(2);
        pdf.GetPage(1).Text.ShouldContain("第一页");
        pdf.GetPage(1).Height.ShouldBeGreaterThan(pdf.GetPage(1).Width);
        pdf.GetPage(2).Text.ShouldContain("第二页");
        pdf.GetPage(2).Width.ShouldBeGreaterThan(pdf.GetPage(2).Height);
        Renderer.RenderPng(document, 20).Count.ShouldBe(2);
    }

    [Fact]
    public void A_QR_code_element_decodes_to_its_content_on_the_raster_page()
    {
        var png = Renderer.RenderPng(OnePage(new QrCodeElement(200, 300, 120, "https://skills.example.cn/verify/ABCDEFGHJK")), 100)
            .ShouldHaveSingleItem();

        DecodeQrCode(png).ShouldBe("https://skills.example.cn/verify/ABCDEFGHJK");
    }

    [Fact]
    public void Documents_rendered_in_parallel_are_each_complete()
    {
        var names = Enumerable.Range(0, 12).Select(i => $"学员{"甲乙丙丁戊己庚辛壬癸子丑"[i]}").ToList();

        var pdfs = names.AsParallel().Select(n => (Name: n, Pdf: Renderer.RenderPdf(CertificateDocument.Create(Certificate(n))))).ToList();

        pdfs.ShouldAllBe(p => PageTexts(p.Pdf)[0].Contains(p.Name, StringComparison.Ordinal));
    }

    [Fact]
    public void The_PDF_holds_only_the_glyphs_the_document_uses()
    {
        var small = Renderer.RenderPdf(OnePage(new TextBlock(50, 50, 300, "工", new TextStyle(12))));
        var larger = Renderer.RenderPdf(OnePage(new TextBlock(50, 50, 300, "职业技能培训是提高劳动者素质的重要途径", new TextStyle(12))));

        // One glyph costs about a kilobyte, not the two megabytes of the whole shipped font.
        small.Length.ShouldBeLessThan(8 * 1024);
        larger.Length.ShouldBeGreaterThan(small.Length);
        larger.Length.ShouldBeLessThan(30 * 1024);
    }

    [Fact]
    public void Text_with_a_lone_surrogate_or_a_character_no_font_has_renders_without_embedding_the_whole_font()
    {
        // 😀 is in no shipped font (a system font draws it when one has it); a lone surrogate comes from broken input.
        var pdf = Renderer.RenderPdf(OnePage(new TextBlock(50, 50, 300, "王😀\uD800同学", new TextStyle(12))));

        var text = PageTexts(pdf).ShouldHaveSingleItem();
        text.ShouldStartWith("王");
        text.ShouldEndWith("同学");
        // They draw as the document subset's .notdef box; the whole shipped font (megabytes) once came along instead.
        pdf.Length.ShouldBeLessThan(10 * 1024);
    }
}
