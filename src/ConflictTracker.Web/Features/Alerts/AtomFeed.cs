using System.Globalization;
using System.Text;
using System.Xml;
using ConflictTracker.Web.Features.Claims;

namespace ConflictTracker.Web.Features.Alerts;

/// <summary>A saved search's matches as an Atom 1.0 feed (RFC 4287), newest recorded first, each entry linking to the
/// claim's page.</summary>
public static class AtomFeed
{
    public const string ContentType = "application/atom+xml; charset=utf-8";
    private const string Atom = "http://www.w3.org/2005/Atom";

    public sealed record Entry(ClaimListItem Claim, DateTimeOffset RecordedAt);

    public static string Write(SavedSearchView search, IReadOnlyList<Entry> entries, Uri app)
    {
        var text = new StringBuilder();
        using (
            var xml = XmlWriter.Create(
                new StringWriter(text, CultureInfo.InvariantCulture),
                new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }
            )
        )
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Atom);
            xml.WriteElementString("id", Atom, $"urn:uuid:{search.Id}");
            xml.WriteElementString("title", Atom, $"ConflictTracker: {search.Name}");
            xml.WriteElementString(
                "updated",
                Atom,
                Time(entries.Select(e => e.RecordedAt).DefaultIfEmpty(search.CreatedAt).Max())
            );
            Link(xml, "self", new Uri(app, $"api/v1/saved-searches/{search.Id}/feed"), "application/atom+xml");
            Link(xml, "alternate", new Uri(app, search.Link.TrimStart('/')), "text/html");
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, "ConflictTracker");
            xml.WriteEndElement();
            foreach (var (claim, recordedAt) in entries)
            {
                xml.WriteStartElement("entry", Atom);
                xml.WriteElementString("id", Atom, $"urn:uuid:{claim.Id}");
                xml.WriteElementString("title", Atom, $"{claim.Actor}: {claim.Summary}");
                xml.WriteElementString("updated", Atom, Time(recordedAt));
                Link(xml, "alternate", new Uri(app, $"claims/{claim.Id}"), "text/html");
                xml.WriteStartElement("summary", Atom);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(
                    $"{claim.Actor} ({claim.Stance}, stated {claim.StatedOn}) "
                        + $"on “{claim.Proposition}”: {claim.Summary}"
                        + (claim.Quantity is { } figure ? $" Figure: {figure}." : "")
                );
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        // StringWriter reports UTF-16; the feed is sent as UTF-8.
        return text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private static void Link(XmlWriter xml, string rel, Uri href, string type)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href.AbsoluteUri);
        xml.WriteEndElement();
    }

    private static string Time(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
