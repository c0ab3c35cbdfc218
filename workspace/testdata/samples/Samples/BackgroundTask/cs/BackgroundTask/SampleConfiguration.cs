namespace SDKTemplate { static class Config { } }
