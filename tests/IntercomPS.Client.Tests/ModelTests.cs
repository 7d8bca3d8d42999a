using System.Linq;
using System.Reflection;
using Xunit;

namespace IntercomPS.Client.Tests
{
    /// <summary>The models are the module's own objects: each protocol reads its wire format into them, so they carry none.</summary>
    public sealed class ModelTests
    {
        [Fact]
        public void PublicModelsCarryNoWireAttributesOrSerializerHooks()
        {
            var models = Loadable(typeof(User).Assembly).Where(type => type.IsPublic && type.Namespace == "IntercomPS").ToList();
            Assert.Contains(typeof(MessageThread), models);

            var wired = models.SelectMany(type => type.GetProperties().SelectMany(property => property.GetCustomAttributes())
                    .Where(attribute => attribute.GetType().Namespace!.StartsWith("System.Text.Json", System.StringComparison.Ordinal))
                    .Select(attribute => $"{type.Name}.{attribute.GetType().Name}"))
                .Concat(models.SelectMany(type => type.GetInterfaces()).Where(contract => contract.Namespace!.StartsWith("System.Text.Json", System.StringComparison.Ordinal)).Select(contract => contract.Name));
            Assert.Empty(wired);
        }

        /// <summary>The types that load without PowerShell, which this process does not have: the models, not the cmdlets.</summary>
        private static System.Type[] Loadable(Assembly assembly)
        {
            try
            {
                return assembly.GetTypes();
            }
            catch (ReflectionTypeLoadException partly)
            {
                return partly.Types.Where(type => type is not null).ToArray()!;
            }
        }
    }
}
