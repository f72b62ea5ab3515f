namespace Floke.Web.Resources;

/// <summary>Marker for the shared texts: SharedResource.resx (Norwegian bokmål, the default) and SharedResource.en.resx.</summary>
public sealed class SharedResource;
