using System.IO.Compression;
using System.Text;
using ConflictTracker.Evidence.Analysis;

namespace ConflictTracker.Evidence.Tests.Analysis;

public class MediaSnifferTests
{
    public static TheoryData<string, string, MediaKind> Signatures =>
        new()
        {
            { "FFD8FFE000104A464946", "jpeg", MediaKind.Image },
            { "89504E470D0A1A0A0000000D49484452", "png", MediaKind.Image },
            { Hex("GIF89a") + "0100010000", "gif", MediaKind.Image },
            { Hex("RIFF") + "24000000" + Hex("WEBPVP8 "), "webp", MediaKind.Image },
            { Hex("II*\0") + "08000000", "tiff", MediaKind.Image },
            { "00000018" + Hex("ftypheic") + "00000000" + Hex("mif1heic"), "heic", MediaKind.Image },
            { "0000001C" + Hex("ftypavif") + "00000000" + Hex("avifmif1miaf"), "avif", MediaKind.Image },
            { "00000020" + Hex("ftypisom") + "00000200" + Hex("isomiso2avc1mp41"), "mp4", MediaKind.Video },
            { "00000014" + Hex("ftypqt  ") + "00000200" + Hex("qt  "), "mov", MediaKind.Video },
            { "00000018" + Hex("ftyp3gp4") + "00000000" + Hex("isom3gp4"), "3gp", MediaKind.Video },
            { "00000018" + Hex("ftypM4A ") + "00000000" + Hex("M4A isom"), "m4a", MediaKind.Audio },
            { "1A45DFA3A3428681" + Hex("webm"), "webm", MediaKind.Video },
            { "1A45DFA3A3428681" + Hex("matroska"), "mkv", MediaKind.Video },
            { Hex("RIFF") + "24000000" + Hex("AVI LIST"), "avi", MediaKind.Video },
            { Hex("RIFF") + "24000000" + Hex("WAVEfmt "), "wav", MediaKind.Audio },
            { Hex("ID3") + "0400000000", "mp3", MediaKind.Audio },
            { "FFFB904400000000", "mp3", MediaKind.Audio },
            { "FFF15080", "aac", MediaKind.Audio },
            { Hex("OggS") + "0002000000", "ogg", MediaKind.Audio },
            { Hex("fLaC") + "00000022", "flac", MediaKind.Audio },
            { Hex("%PDF-1.7\n"), "pdf", MediaKind.Pdf },
            { Hex("WARC/1.1\r\nWARC-Type: warcinfo\r\n"), "warc", MediaKind.WebPage },
        };

    [Theory]
    [MemberData(nameof(Signatures))]
    public void FormatsAreKnownByTheirFirstBytes(string hex, string format, MediaKind kind)
    {
        var type = MediaSniffer.Sniff(Convert.FromHexString(hex), 1000, null);

        type.Format.Should().Be(format);
        type.Kind.Should().Be(kind);
        type.Note.Should().BeNull();
    }

    [Theory]
    [InlineData("\uFEFF  <!-- saved from url=(0022)https://example.org/ -->\n<!DOCTYPE html><html>")]
    [InlineData("<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head>")]
    [InlineData("\n\n<HEAD><TITLE>Old page</TITLE></HEAD>")]
    public void HtmlIsKnownByItsFirstTagAfterComments(string start)
    {
        var type = MediaSniffer.Sniff(Encoding.UTF8.GetBytes(start), start.Length, "page.html");

        type.Should().Be(new MediaType(MediaKind.WebPage, "html", "text/html"));
    }

    [Fact]
    public void MhtmlIsKnownByItsMultipartRelatedHeader()
    {
        var text =
            "From: <Saved by Blink>\r\nSubject: A page\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n"
            + "\ttype=\"text/html\";\r\n\tboundary=\"----b\"\r\n\r\n------b\r\nContent-Type: text/html\r\n";

        MediaSniffer.Sniff(Encoding.ASCII.GetBytes(text), text.Length, "page.mhtml").Format.Should().Be("mhtml");
    }

    [Fact]
    public void AGzippedWarcIsAcceptedByLookingInsideBoundedly()
    {
        var warc = Gzip(Encoding.ASCII.GetBytes("WARC/1.0\r\nWARC-Type: response\r\n\r\n" + new string('x', 50_000)));

        var type = MediaSniffer.Sniff(
            warc.AsSpan(0, Math.Min(warc.Length, MediaSniffer.HeadLength)),
            warc.Length,
            "a.warc.gz"
        );

        type.Should().Be(new MediaType(MediaKind.WebPage, "warc.gz", "application/gzip"));
    }

    [Fact]
    public void AGzipBombIsRefusedAfterInflatingOnlyItsFirstBytes()
    {
        // 64 MB of zeros compress to about 64 KB; only the head's worth of input is ever inflated.
        var bomb = Gzip(new byte[64 * 1024 * 1024]);
        var started = System.Diagnostics.Stopwatch.StartNew();

        var sniff = () => MediaSniffer.Sniff(bomb.AsSpan(0, MediaSniffer.HeadLength), bomb.Length, "a.warc.gz");

        sniff.Should().Throw<EvidenceRejectedException>().Which.Code.Should().Be("unsupported-type");
        started.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1));
        BoundedGzip.Peek(bomb, 65536).Length.Should().Be(65536);
    }

    [Fact]
    public void AnEmptyFileIsRefused()
    {
        var sniff = () => MediaSniffer.Sniff([], 0, "x.jpg");

        sniff.Should().Throw<EvidenceRejectedException>().Which.Code.Should().Be("empty");
    }

    [Fact]
    public void AZipIsRefusedWithAMessageSayingWhatToDo()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("photo.jpg").Open();
            entry.Write([0xFF, 0xD8, 0xFF, 0xE0]);
        }

        var sniff = () => MediaSniffer.Sniff(stream.ToArray(), stream.Length, "photos.zip");

        var refusal = sniff.Should().Throw<EvidenceRejectedException>().Which;
        refusal.Code.Should().Be("unsupported-type");
        refusal.Message.Should().StartWith("This is a zip archive").And.EndWith("upload the files inside it.");
    }

    [Theory]
    [InlineData("377ABCAF271C0004", "7-Zip archive")]
    [InlineData("526172211A070100", "RAR archive")]
    [InlineData("1F8B0800000000000003", "gzip-compressed")]
    [InlineData("4D5A90000300000004000000", "Windows program")]
    [InlineData("7F454C4602010100", "Linux program")]
    [InlineData("CFFAEDFE07000001", "macOS or Java program")]
    [InlineData("23212F62696E2F73680A", "script")]
    [InlineData("3C73766720786D6C6E733D", "SVG drawing")]
    [InlineData("000102030405060708", "not recognised")]
    [InlineData("48656C6C6F2C20776F726C64", "not recognised")]
    public void ArchivesProgramsAndUnknownBytesAreRefusedByName(string hex, string named)
    {
        var sniff = () => MediaSniffer.Sniff(Convert.FromHexString(hex), 100, "upload.bin");

        var refusal = sniff.Should().Throw<EvidenceRejectedException>().Which;
        refusal.Code.Should().Be("unsupported-type");
        refusal.Message.Should().Contain(named);
    }

    [Fact]
    public void ATarIsKnownByItsUstarMark()
    {
        var tar = new byte[1024];
        Encoding.ASCII.GetBytes("ustar").CopyTo(tar, 257);

        var sniff = () => MediaSniffer.Sniff(tar, tar.Length, null);

        sniff.Should().Throw<EvidenceRejectedException>().WithMessage("This is a tar archive*");
    }

    [Fact]
    public void ANameOfAnotherKindIsRefused()
    {
        var sniff = () => MediaSniffer.Sniff(Encoding.ASCII.GetBytes("%PDF-1.4\n"), 9, "photo.JPG");

        var refusal = sniff.Should().Throw<EvidenceRejectedException>().Which;
        refusal.Code.Should().Be("name-mismatch");
        refusal.Message.Should().Be("The file is named .JPG (an image) but its bytes are a PDF document.");
    }

    [Fact]
    public void ANameOfTheSameKindButAnotherFormatIsAcceptedWithANote()
    {
        var type = MediaSniffer.Sniff(Convert.FromHexString("89504E470D0A1A0A"), 8, "photo.jpg");

        type.Format.Should().Be("png");
        type.Note.Should().Be("The file is named .jpg but its bytes are a PNG image.");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("scan")]
    [InlineData("scan.dat")]
    [InlineData("archive.tar.gz.")]
    public void AMissingOrUnknownExtensionIsAccepted(string? name)
    {
        MediaSniffer.Sniff(Convert.FromHexString("FFD8FFE0"), 4, name).Note.Should().BeNull();
    }

    [Fact]
    public void AnMp4OfSoundOnlyNamedM4aIsAcceptedWithANote()
    {
        var head = Convert.FromHexString("00000018" + Hex("ftypisom") + "00000200" + Hex("isomiso2"));

        MediaSniffer.Sniff(head, 1000, "voice.m4a").Note.Should().Contain("an MP4 video");
    }

    [Fact]
    public void SniffingAFileReadsOnlyItsHead()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, [.. Encoding.ASCII.GetBytes("%PDF-1.4\n"), .. new byte[100_000]]);

            MediaSniffer.Sniff(path, "report.pdf").Should().Be(new MediaType(MediaKind.Pdf, "pdf", "application/pdf"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Hex(string ascii) => Convert.ToHexString(Encoding.Latin1.GetBytes(ascii));

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }
}
