using SkillsAcademy.Web.Features.Authoring;

namespace SkillsAcademy.UnitTests.Web.Features.Authoring;

public sealed class MediaSignatureTests
{
    [Theory]
    [InlineData(".pdf", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, true)]
    [InlineData(".pdf", new byte[] { 0x4D, 0x5A, 0x90, 0x00 }, false)]
    [InlineData(".png", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, true)]
    [InlineData(".jpg", new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, true)]
    [InlineData(".jpg", new byte[] { 0x3C, 0x68, 0x74, 0x6D, 0x6C }, false)]
    [InlineData(".mp4", new byte[] { 0, 0, 0, 0x20, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6F, 0x6D }, true)]
    [InlineData(".webm", new byte[] { 0x1A, 0x45, 0xDF, 0xA3, 0x01 }, true)]
    [InlineData(".exe", new byte[] { 0x4D, 0x5A }, false)]
    [InlineData(".pdf", new byte[0], false)]
    public void The_first_bytes_must_match_the_extension(string extension, byte[] header, bool matches) =>
        MediaSignature.Matches(extension, header).ShouldBe(matches);

    [Fact]
    public void A_stream_that_sends_more_than_allowed_is_stopped()
    {
        using var limited = new LengthLimitedStream(new MemoryStream(new byte[100]), 64);

        Should.Throw<UploadTooLargeException>(() => limited.CopyTo(Stream.Null));
    }

    [Fact]
    public void Upload_settings_refuse_file_types_that_cannot_be_checked()
    {
        var options = new UploadOptions { ImageExtensions = [".svg"] };

        options.Validate().ShouldHaveSingleItem().ShouldStartWith("Uploads:ImageExtensions");
    }
}
