pub mod vec2d;
