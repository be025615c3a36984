public enum LE {}
