using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ConflictTracker.Web.Data;

/// <summary>Stores a URL as the text the editor entered, not the normalised form Uri.ToString() gives.</summary>
public sealed class UriConverter()
    : ValueConverter<Uri, string>(uri => uri.OriginalString, text => new Uri(text, UriKind.Absolute));
