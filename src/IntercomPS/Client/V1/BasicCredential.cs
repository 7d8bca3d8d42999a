using System;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Security;
using System.Text;

namespace IntercomPS.Client.V1
{
    /// <summary>
    /// The app id and API key. The key stays in a SecureString; the Basic header is built for each request and
    /// the plain bytes are wiped straight after, so no long-lived string copy of the key exists.
    /// ToString() never shows the key.
    /// </summary>
    public sealed class BasicCredential
    {
        private readonly SecureString _apiKey;

        public BasicCredential(string appId, SecureString apiKey)
        {
            if (string.IsNullOrWhiteSpace(appId)) throw new ArgumentException("The app id is empty.", nameof(appId));
            if (apiKey is null || apiKey.Length == 0) throw new ArgumentException("The API key is empty.", nameof(apiKey));
            AppId = appId;
            _apiKey = apiKey.Copy();
            _apiKey.MakeReadOnly();
        }

        public string AppId { get; }

        internal AuthenticationHeaderValue CreateHeader()
        {
            var user = Encoding.UTF8.GetBytes(AppId + ":");
            var key = ReadKeyBytes();
            var plain = new byte[user.Length + key.Length];
            try
            {
                Buffer.BlockCopy(user, 0, plain, 0, user.Length);
                Buffer.BlockCopy(key, 0, plain, user.Length, key.Length);
                return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(plain));
            }
            finally
            {
                Array.Clear(key, 0, key.Length);
                Array.Clear(plain, 0, plain.Length);
            }
        }

        private byte[] ReadKeyBytes()
        {
            var pointer = Marshal.SecureStringToGlobalAllocUnicode(_apiKey);
            var chars = new char[_apiKey.Length];
            try
            {
                Marshal.Copy(pointer, chars, 0, chars.Length);
                return Encoding.UTF8.GetBytes(chars);
            }
            finally
            {
                Array.Clear(chars, 0, chars.Length);
                Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }

        public override string ToString() => $"{AppId}:********";
    }
}
