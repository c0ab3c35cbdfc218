namespace Example;

public static class Stale { }
