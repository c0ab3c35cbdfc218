using Microsoft.VisualStudio.TestPlatform.UnitTestFramework;

namespace Clock.Tests
{
    [TestClass]
    public class ArithmeticTests
    {
        [TestMethod]
        public void Adds() { Assert.AreEqual(2, 1 + 1); }
    }
}
