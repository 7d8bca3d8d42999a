namespace IntercomPS.Client
{
    /// <summary>
    /// The answer of a request that answers with no body (POST /events is a 202 with none): asked for as the answer
    /// type, an empty body reads as this instead of an invalid answer, and a body, if one comes, is not looked at.
    /// </summary>
    internal sealed class NoContent
    {
        public static readonly NoContent Value = new NoContent();
    }
}
