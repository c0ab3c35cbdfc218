namespace FlashcardsTests { public class Tests { public void Adds() { System.Diagnostics.Debug.Assert(1 + 1 == 2); } } }
