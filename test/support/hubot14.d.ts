// Hubot 14 (installed as the npm alias `hubot14`) ships no type declarations: treat it as any.
declare module 'hubot14'
