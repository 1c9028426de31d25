<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>{stage}...</source>
        <translation>{stage}……</translation>
    </message>
    <message>
        <source>{phase}: {done}/{total} ({percent}%)</source>
        <translation>{phase}：{done}/{total}（{percent}%）</translation>
    </message>
    <message>
        <source>{phase}: {done}/{total} ({percent}%, {time_left})</source>
        <translation>{phase}：{done}/{total}（{percent}%，{time_left}）</translation>
    </message>
    <message>
        <source>{phase} {epoch}/{epochs}: right {accuracy} of training pictures (error {loss:.3f})</source>
        <translation>{phase} {epoch}/{epochs}：训练图片答对 {accuracy}（误差 {loss:.3f}）</translation>
    </message>
    <message>
        <source>{phase} {epoch}/{epochs}: right {accuracy} of training pictures (error {loss:.3f}), {val_accuracy} of held-out pictures (error {val_loss:.3f})</source>
        <translation>{phase} {epoch}/{epochs}：训练图片答对 {accuracy}（误差 {loss:.3f}），检验图片答对 {val_accuracy}（误差 {val_loss:.3f}）</translation>
    </message>
    <message>
        <source>{path}: {reason}</source>
        <translation>{path}：{reason}</translation>
    </message>
    <message>
        <source>--image-size needs a network named with --backbone: with &apos;{best}&apos; each network looks at its own picture size.</source>
        <translation>--image-size 需要用 --backbone 指定一个网络：用 &apos;{best}&apos; 时，每个网络都用自己的图片尺寸。</translation>
    </message>
    <message>
        <source>Note: {text}</source>
        <translation>提示：{text}</translation>
    </message>
    <message>
        <source>Note: --all-gpus splits the work between two or more GPUs; TensorFlow sees {n}, so training runs as usual.</source>
        <translation>注意：--all-gpus 会把工作分给两块或更多 GPU；TensorFlow 只找到 {n} 块，所以照常训练。</translation>
    </message>
    <message>
        <source>Saved {path} ({seconds} s; too few pictures to measure how often it is right; it {rule}).</source>
        <translation>已保存 {path}（{seconds} 秒；图片太少，无法衡量答对的比例；模型{rule}）。</translation>
    </message>
    <message>
        <source>Training report: {path}</source>
        <translation>训练报告：{path}</translation>
    </message>
    <message>
        <source>The model {rule}: no image gets an answer.</source>
        <translation>模型{rule}：没有图片得到回答。</translation>
    </message>
    <message>
        <source>The model {rule}: {coverage} of images get an answer, {accuracy} of them right.</source>
        <translation>模型{rule}：{coverage} 的图片得到回答，其中 {accuracy} 答对。</translation>
    </message>
    <message>
        <source>Confusion matrix (rows: true class, columns: what the model said):</source>
        <translation>混淆矩阵（行：真实类别，列：模型的回答）：</translation>
    </message>
    <message>
        <source>No image files were found in the given paths.</source>
        <translation>在给出的路径中没有找到图片文件。</translation>
    </message>
    <message>
        <source>Wrote {path}.</source>
        <translation>已写入 {path}。</translation>
    </message>
    <message>
        <source>{path}: cannot predict: {reason}</source>
        <translation>{path}：无法识别：{reason}</translation>
    </message>
    <message>
        <source>No file could be read as an image ({n} tried; reasons above).</source>
        <translation>没有文件能作为图片读取（试了 {n} 个；原因见上）。</translation>
    </message>
    <message>
        <source>Exports are checked on real images: give some with --images (files or folders).</source>
        <translation>导出结果要用真实图片检查：请用 --images 给出一些（文件或文件夹）。</translation>
    </message>
    <message>
        <source>Wrote {path} ({format}); on {n} check images it gave the same answer as the original on {same}, largest probability difference {difference:.2g}.</source>
        <translation>已写入 {path}（{format}）；在 {n} 张检查图片上，与原模型回答相同的比例为 {same}，概率最大差异 {difference:.2g}。</translation>
    </message>
    <message>
        <source>{id}  default    Best for my photos: compares {networks} on your photos and trains on the best</source>
        <translation>{id}  默认       最适合我的照片：先在你的照片上比较 {networks}，再用最好的一个训练</translation>
    </message>
    <message>
        <source>{id}  not installed  {name}: {blurb}</source>
        <translation>{id}  未安装  {name}：{blurb}</translation>
    </message>
    <message>
        <source>{id}  available  {name} (recommended): {blurb}</source>
        <translation>{id}  可用  {name}（推荐）：{blurb}</translation>
    </message>
    <message>
        <source>pretrained network, or &apos;{best}&apos; (the default): compare the bundled ones on your photos first and take the best; see the &apos;backbones&apos; command</source>
        <translation>预训练网络，或 &apos;{best}&apos;（默认）：先在你的照片上比较内置网络，再用最好的一个；见 &apos;backbones&apos; 命令</translation>
    </message>
    <message>
        <source>{id}  available  {name}: {blurb}</source>
        <translation>{id}  可用  {name}：{blurb}</translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n file(s):</source>
        <translation>
            <numerusform>跳过了 %n 个文件：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved {path}: right on {accuracy} of %n held-out pictures ({seconds} s, the top of the network fine-tuned; it {rule}).</source>
        <translation>
            <numerusform>已保存 {path}：%n 张检验图片答对 {accuracy}（{seconds} 秒，网络顶部已微调；模型{rule}）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved {path}: right on {accuracy} of %n held-out pictures ({seconds} s, new output layer only; it {rule}).</source>
        <translation>
            <numerusform>已保存 {path}：%n 张检验图片答对 {accuracy}（{seconds} 秒，只训练了新的输出层；模型{rule}）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Warning: the model was trained on %n of these photos, so this accuracy looks better than it will be on new photos.</source>
        <translation>
            <numerusform>警告：模型训练时用过其中 %n 张照片，所以这个准确率比它在新照片上的表现更好看。</numerusform>
        </translation>
    </message>
    <message>
        <source>Judged the pictures in {folder}.</source>
        <translation>评估的是 {folder} 中的图片。</translation>
    </message>
    <message numerus="yes">
        <source>Right on {accuracy} of %n image(s).</source>
        <translation>
            <numerusform>%n 张图片中答对 {accuracy}。</numerusform>
        </translation>
    </message>
    <message>
        <source>class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>pictures</source>
        <translation>图片数</translation>
    </message>
    <message>
        <source>To improve this model:</source>
        <translation>如何改进这个模型：</translation>
    </message>
    <message>
        <source>Model {name}: {classes}</source>
        <translation>模型 {name}：{classes}</translation>
    </message>
    <message>
        <source>Network {network}, pictures of {size} px; it {rule}.</source>
        <translation>网络 {network}，图片 {size} 像素；它{rule}。</translation>
    </message>
    <message numerus="yes">
        <source>Right on {accuracy} of %n held-out pictures.</source>
        <translation>
            <numerusform>在 %n 张检验图片上的正确率为 {accuracy}。</numerusform>
        </translation>
    </message>
    <message>
        <source>Trained on the photos in {folder}.</source>
        <translation>用 {folder} 中的照片训练。</translation>
    </message>
    <message>
        <source>{name} reads the photos in:</source>
        <translation>{name} 读取以下文件夹中的照片：</translation>
    </message>
    <message>
        <source>{folder} (not found)</source>
        <translation>{folder}（找不到）</translation>
    </message>
    <message numerus="yes">
        <source>and %n added photo(s), copies kept in {folder}</source>
        <translation>
            <numerusform>以及 %n 张添加的照片，副本保存在 {folder}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name}: %n picture(s)</source>
        <translation>
            <numerusform>{name}：%n 张图片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Its validation folder: %n picture(s)</source>
        <translation>
            <numerusform>其验证文件夹：%n 张图片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Its test folder: %n picture(s)</source>
        <translation>
            <numerusform>其测试文件夹：%n 张图片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Left out: %n picture(s)</source>
        <translation>
            <numerusform>不使用：%n 张图片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %n photo(s) into {folder} ({counts}).</source>
        <translation>
            <numerusform>已把 %n 张照片移动到 {folder}（{counts}）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n photo(s) into {folder} ({counts}).</source>
        <translation>
            <numerusform>已把 %n 张照片复制到 {folder}（{counts}）。</numerusform>
        </translation>
    </message>
    <message>
        <source>{path}: left where it is: {reason}</source>
        <translation>{path}：留在原处：{reason}</translation>
    </message>
    <message>
        <source>What went where: {record}. To undo: finetune-studio undo-sort &quot;{folder}&quot;</source>
        <translation>每张照片去了哪里：{record}。撤销：finetune-studio undo-sort &quot;{folder}&quot;</translation>
    </message>
    <message>
        <source>{path}: left as it is: {reason}</source>
        <translation>{path}：保持不变：{reason}</translation>
    </message>
    <message>
        <source>Keeping a quick copy of this model, so the next call on it starts without TensorFlow (once per model, some seconds)…</source>
        <translation>正在为这个模型保存一份快速副本，下次对它的调用无需加载 TensorFlow 即可开始（每个模型一次，需要几秒）…</translation>
    </message>
    <message>
        <source>no quick copy could be made: {problem}</source>
        <translation>无法制作快速副本：{problem}</translation>
    </message>
    <message>
        <source>the quick copy did not give the model&apos;s answers, so it was not kept.</source>
        <translation>快速副本给出的答案与模型不一致，所以没有保留。</translation>
    </message>
    <message>
        <source>picture sizes {sizes} px ({default} unless --image-size says otherwise)</source>
        <translation>图片尺寸 {sizes} 像素（除非用 --image-size 另行指定，否则为 {default}）</translation>
    </message>
    <message>
        <source>Imported; {network} is now available ({path}).</source>
        <translation>已导入；{network} 现在可以使用（{path}）。</translation>
    </message>
    <message>
        <source>The application menu entry is for Linux; on Windows and macOS start FineTune Studio by double-clicking it.</source>
        <translation>应用程序菜单项只用于 Linux；在 Windows 和 macOS 上，双击 FineTune Studio 即可启动。</translation>
    </message>
    <message>
        <source>FineTune Studio is now in the application menu ({path}).</source>
        <translation>FineTune Studio 已加入应用程序菜单（{path}）。</translation>
    </message>
    <message>
        <source>expected a number, not {text}</source>
        <translation>应为数字，而不是 {text}</translation>
    </message>
    <message>
        <source>a file or folder is needed here, not an empty name</source>
        <translation>这里需要一个文件或文件夹，不能是空的名字</translation>
    </message>
    <message>
        <source>expected a number of layers, 0, or auto</source>
        <translation>需要层数、0 或 auto</translation>
    </message>
    <message>
        <source>copy photos into one folder per class, by the model&apos;s answers (undo: undo-sort)</source>
        <translation>按模型的回答把照片复制到每个类别一个的文件夹中（撤销：undo-sort）</translation>
    </message>
    <message>
        <source>photos, or folders of photos (all levels)</source>
        <translation>照片，或照片文件夹（包括所有子文件夹）</translation>
    </message>
    <message>
        <source>where the class folders go; a &apos;not sure&apos; folder takes the answers below the threshold</source>
        <translation>类别文件夹放在哪里；低于阈值的回答放进“不确定”文件夹</translation>
    </message>
    <message>
        <source>move the photos instead of copying them (undo-sort puts them back)</source>
        <translation>移动照片而不是复制（undo-sort 可以放回原处）</translation>
    </message>
    <message>
        <source>undo a sort: moved photos go back, copies are deleted</source>
        <translation>撤销一次整理：移动过的照片放回原处，副本被删除</translation>
    </message>
    <message>
        <source>the folder the photos were sorted into</source>
        <translation>照片被整理到的文件夹</translation>
    </message>
    <message>
        <source>Train and use image classifiers, offline.</source>
        <translation>离线训练和使用图片分类器。</translation>
    </message>
    <message>
        <source>show the full traceback on unexpected errors</source>
        <translation>出现意外错误时显示完整的错误追踪</translation>
    </message>
    <message>
        <source>print one JSON object as the last line of stdout</source>
        <translation>在标准输出的最后一行打印一个 JSON 对象</translation>
    </message>
    <message>
        <source>train a classifier on a folder with one sub-folder per class</source>
        <translation>用每个类别一个子文件夹的文件夹训练分类器</translation>
    </message>
    <message>
        <source>folder of class folders (or with train/ and test/ or val/ inside), or a project file (.ftsproject)</source>
        <translation>包含各类别文件夹的文件夹（或其中有 train/ 和 test/ 或 val/），或项目文件（.ftsproject）</translation>
    </message>
    <message>
        <source>model file to write (.keras)</source>
        <translation>要写入的模型文件（.keras）</translation>
    </message>
    <message>
        <source>learning rounds (epochs) for the new output layer (default {default})</source>
        <translation>新输出层的学习轮数（默认 {default}）</translation>
    </message>
    <message>
        <source>learning rate of the new output layer (default {default})</source>
        <translation>新输出层的学习率（默认 {default}）</translation>
    </message>
    <message>
        <source>top backbone layers to fine-tune: a number, 0 for none, or auto (default)</source>
        <translation>要微调的网络顶部层数：一个数字，0 表示不微调，或 auto（默认）</translation>
    </message>
    <message>
        <source>fine-tuning rounds (default {default})</source>
        <translation>微调轮数（默认 {default}）</translation>
    </message>
    <message>
        <source>picture size the network sees, in pixels (default: the network&apos;s own; the &apos;backbones&apos; command lists each network&apos;s sizes)</source>
        <translation>网络看到的图片尺寸（像素；默认：该网络自己的尺寸；&apos;backbones&apos; 命令列出每个网络可用的尺寸）</translation>
    </message>
    <message>
        <source>no random crops/flips while fine-tuning</source>
        <translation>微调时不做随机裁剪和翻转</translation>
    </message>
    <message>
        <source>random seed; the same seed repeats a run (default {default})</source>
        <translation>随机种子；相同的种子会得到相同的结果（默认 {default}）</translation>
    </message>
    <message>
        <source>split feature extraction and fine-tuning between all GPUs (MirroredStrategy)</source>
        <translation>把特征提取和微调分给所有 GPU 一起做（MirroredStrategy）</translation>
    </message>
    <message>
        <source>measure a model on a labelled folder</source>
        <translation>用已分好类的文件夹衡量模型</translation>
    </message>
    <message>
        <source>folder of class folders (its test/ or val/ split is used when present)</source>
        <translation>包含各类别文件夹的文件夹（有 test/ 或 val/ 时使用它们）</translation>
    </message>
    <message>
        <source>say what a model sees in images or folders of images</source>
        <translation>说出模型在图片或图片文件夹中看到了什么</translation>
    </message>
    <message>
        <source>classes to show per image (default 3)</source>
        <translation>每张图片显示的类别数（默认 3）</translation>
    </message>
    <message>
        <source>answer &apos;not sure&apos; below this confidence, 0..1 (default: the one saved with the model)</source>
        <translation>把握低于此值时回答“不确定”，0..1（默认：模型中保存的值）</translation>
    </message>
    <message>
        <source>also write every result to this CSV file</source>
        <translation>同时把所有结果写入这个 CSV 文件</translation>
    </message>
    <message>
        <source>say what a model file, a photo folder or a project holds, and which folders a project reads</source>
        <translation>说明模型文件、照片文件夹或项目包含什么，以及项目读取哪些文件夹</translation>
    </message>
    <message>
        <source>a model (.keras), a folder of class folders, or a project file (.ftsproject)</source>
        <translation>模型（.keras）、按类别分文件夹的照片文件夹，或项目文件（.ftsproject）</translation>
    </message>
    <message>
        <source>write a model for other programs: Keras, SavedModel, TensorFlow Lite or ONNX</source>
        <translation>把模型写成其他程序可用的格式：Keras、SavedModel、TensorFlow Lite 或 ONNX</translation>
    </message>
    <message>
        <source>formats, and who runs them:</source>
        <translation>格式，以及谁来运行它们：</translation>
    </message>
    <message>
        <source>Beside the files: labels.txt (the class names) and README.md, with code that runs each file.</source>
        <translation>文件旁边还有：labels.txt（类别名称）和 README.md（运行每个文件的代码）。</translation>
    </message>
    <message>
        <source>repeat for several (see below)</source>
        <translation>可重复以导出多种（见下文）</translation>
    </message>
    <message>
        <source>folder to write into (default: &apos;&lt;model name&gt; exports&apos; beside the model)</source>
        <translation>写入的文件夹（默认：模型旁边的“&lt;模型名&gt; exports”）</translation>
    </message>
    <message>
        <source>real images to check each export on (default: the photos the model was trained on)</source>
        <translation>用来检查每个导出结果的真实图片（默认：模型训练用的照片）</translation>
    </message>
    <message>
        <source>list the pretrained networks and whether they are installed</source>
        <translation>列出预训练网络及其是否已安装</translation>
    </message>
    <message>
        <source>install an official Keras weight file for a backbone</source>
        <translation>为某个网络安装官方 Keras 权重文件</translation>
    </message>
    <message>
        <source>add FineTune Studio to the application menu (Linux), starting this installation</source>
        <translation>把 FineTune Studio 加入应用程序菜单（Linux），启动的是这一份安装</translation>
    </message>
    <message>
        <source>error: {message}</source>
        <translation>错误：{message}</translation>
    </message>
    <message>
        <source>Stopped; nothing was saved.</source>
        <translation>已停止；没有保存任何内容。</translation>
    </message>
    <message>
        <source>error: unexpected failure ({kind}: {problem}); run with --debug for details</source>
        <translation>错误：意外失败（{kind}：{problem}）；加上 --debug 运行可查看详情</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>there is no permission to write in {folder}</source>
        <translation>没有在 {folder} 中写入的权限</translation>
    </message>
    <message>
        <source>{folder} is a file, not a folder</source>
        <translation>{folder} 是文件，不是文件夹</translation>
    </message>
    <message>
        <source>{folder} is on a read-only disk</source>
        <translation>{folder} 在只读磁盘上</translation>
    </message>
    <message>
        <source>Could not save {name}: {reason}.</source>
        <translation>无法保存 {name}：{reason}。</translation>
    </message>
    <message>
        <source>there is a folder of that name</source>
        <translation>已经有一个同名的文件夹</translation>
    </message>
    <message>
        <source>Could not save {name}: another training is writing this model. Wait for it to finish, or choose another name.</source>
        <translation>无法保存 {name}：另一个训练正在写入这个模型。请等它完成，或换一个名字。</translation>
    </message>
    <message>
        <source>Could not save {name}: {reason}. Nothing was overwritten.</source>
        <translation>无法保存 {name}：{reason}。没有覆盖任何文件。</translation>
    </message>
    <message>
        <source>Put the file &apos;{file}&apos; in {folder} or import it with: {command} import-weights {backbone} FILE</source>
        <translation>把文件“{file}”放到 {folder}，或用以下命令导入：{command} import-weights {backbone} FILE</translation>
    </message>
    <message>
        <source>Sharp and made for ordinary computers: the usual best choice.</source>
        <translation>看得清楚，且为普通电脑设计：通常的最佳选择。</translation>
    </message>
    <message>
        <source>The sharpest bundled network; a little slower than Lite0.</source>
        <translation>内置网络中看得最清楚的；比 Lite0 稍慢。</translation>
    </message>
    <message>
        <source>Fast; a few points less accurate than EfficientNet-Lite.</source>
        <translation>速度快；准确率比 EfficientNet-Lite 低几个百分点。</translation>
    </message>
    <message>
        <source>The fastest; clearly less accurate.</source>
        <translation>最快；准确率明显较低。</translation>
    </message>
    <message>
        <source>The original tutorial&apos;s network: large and slow on a laptop.</source>
        <translation>原教程用的网络：体积大，在笔记本电脑上很慢。</translation>
    </message>
    <message>
        <source>Accurate, moderately fast.</source>
        <translation>准确，速度中等。</translation>
    </message>
    <message>
        <source>Very fast, less accurate.</source>
        <translation>很快，准确率较低。</translation>
    </message>
    <message>
        <source>Fast and accurate.</source>
        <translation>快而准确。</translation>
    </message>
    <message>
        <source>Unknown network &apos;{name}&apos;. Choose one of: {choices}.</source>
        <translation>未知的网络“{name}”。请从这些中选择：{choices}。</translation>
    </message>
    <message>
        <source>{network}: the weight file {file} is damaged or not the official one (its checksum does not match). {how_to_add}</source>
        <translation>{network}：权重文件 {file} 已损坏或不是官方文件（校验和不符）。{how_to_add}</translation>
    </message>
    <message>
        <source>{network} is not installed. {how_to_add}</source>
        <translation>{network} 未安装。{how_to_add}</translation>
    </message>
    <message>
        <source>{network} sees pictures of {sizes} pixels, not {size}.</source>
        <translation>{network} 看的图片尺寸为 {sizes} 像素，不能是 {size}。</translation>
    </message>
    <message>
        <source>{file} is a folder; name the weight file itself.</source>
        <translation>{file} 是一个文件夹；请给出权重文件本身。</translation>
    </message>
    <message>
        <source>The file {file} does not exist.</source>
        <translation>文件 {file} 不存在。</translation>
    </message>
    <message>
        <source>{file} is not the official {network} weight file (checksum mismatch).</source>
        <translation>{file} 不是官方的 {network} 权重文件（校验和不符）。</translation>
    </message>
    <message>
        <source>{file} does not hold {network} weights: {problem}</source>
        <translation>{file} 里不是 {network} 的权重：{problem}</translation>
    </message>
    <message>
        <source>{name} is a folder, not a model file.</source>
        <translation>{name} 是一个文件夹，不是模型文件。</translation>
    </message>
    <message>
        <source>The model file {file} does not exist.</source>
        <translation>模型文件 {file} 不存在。</translation>
    </message>
    <message>
        <source>{name} is a Keras model but was not made by FineTune Studio (it has no class names).</source>
        <translation>{name} 是 Keras 模型，但不是 FineTune Studio 制作的（没有类别名称）。</translation>
    </message>
    <message>
        <source>{name} is not a FineTune Studio model, or the file is damaged.</source>
        <translation>{name} 不是 FineTune Studio 模型，或者文件已损坏。</translation>
    </message>
    <message>
        <source>{name} is not a FineTune Studio model.</source>
        <translation>{name} 不是 FineTune Studio 模型。</translation>
    </message>
    <message>
        <source>{name} is damaged: its “{field}” is not valid ({value}).</source>
        <translation>{name} 已损坏：其中的“{field}”无效（{value}）。</translation>
    </message>
    <message>
        <source>{name} is a model file under another name: rename it to end in .keras.</source>
        <translation>{name} 是改了名字的模型文件：请把名字改为以 .keras 结尾。</translation>
    </message>
    <message>
        <source>{name} was made by a newer FineTune Studio; please update the app.</source>
        <translation>{name} 是用更新版本的 FineTune Studio 制作的；请更新本应用。</translation>
    </message>
    <message>
        <source>{name} could not be opened as a model: {problem}</source>
        <translation>{name} 无法作为模型打开：{problem}</translation>
    </message>
    <message>
        <source>{name} is inconsistent: {outputs} outputs for {classes} class names.</source>
        <translation>{name} 内容不一致：{outputs} 个输出，却有 {classes} 个类别名称。</translation>
    </message>
    <message>
        <source>always answers (never “not sure”)</source>
        <translation>总是回答（从不说“不确定”）</translation>
    </message>
    <message>
        <source>answers only when at least {percent}% sure</source>
        <translation>只在至少有 {percent}% 把握时回答</translation>
    </message>
    <message>
        <source>not sure — best guess {label} at {confidence}%, needs {needed}%</source>
        <translation>不确定 — 最可能是 {label}（{confidence}%），需要 {needed}%</translation>
    </message>
    <message>
        <source>The test folder has classes that the training folder does not have ({names}); their images were not used.</source>
        <translation>测试文件夹中有训练文件夹没有的类别（{names}）；这些图片没有使用。</translation>
    </message>
    <message>
        <source>The validation folder has classes that the training folder does not have ({names}); their images were not used.</source>
        <translation>验证文件夹中有训练文件夹没有的类别（{names}）；这些图片没有使用。</translation>
    </message>
    <message>
        <source>no permission to open the folder</source>
        <translation>没有打开该文件夹的权限</translation>
    </message>
    <message>
        <source>cannot open the folder ({problem})</source>
        <translation>无法打开该文件夹（{problem}）</translation>
    </message>
    <message>
        <source>Cannot open the folder {folder}: {problem}</source>
        <translation>无法打开文件夹 {folder}：{problem}</translation>
    </message>
    <message>
        <source>not an image file (a name without a type such as .jpg)</source>
        <translation>不是图片文件（文件名没有 .jpg 这样的类型）</translation>
    </message>
    <message>
        <source>not an image file (type &apos;{suffix}&apos; is not supported)</source>
        <translation>不是图片文件（不支持“{suffix}”类型）</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not inside a class folder, so it was not used.</source>
        <translation>“{name}”不在类别文件夹里，所以没有使用。</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <source>{path} is a file; choose a folder that holds one folder per class.</source>
        <translation>{path} 是文件；请选择一个每个类别各有一个子文件夹的文件夹。</translation>
    </message>
    <message>
        <source>The class folder &apos;{name}&apos; has no usable image, so it was left out.</source>
        <translation>类别文件夹“{name}”中没有可用的图片，所以没有使用它。</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be used and were skipped (listed with reasons).</source>
        <translation>
            <numerusform>%n 个文件无法使用，已跳过（附原因列出）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&apos;{name}&apos; has only %n image(s); {enough} or more per class work much better.</source>
        <translation>
            <numerusform>“{name}”只有 %n 张图片；每类 {enough} 张或更多效果会好得多。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) appear more than once (identical files).</source>
        <translation>
            <numerusform>%n 张图片出现了不止一次（文件完全相同）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n identical image(s) are filed under different classes.</source>
        <translation>
            <numerusform>%n 张相同的图片被归入了不同的类别。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) are in both the training and the test or validation folders, which makes the measured accuracy look better than it is.</source>
        <translation>
            <numerusform>%n 张图片同时出现在训练文件夹和测试或验证文件夹中，这会让测得的准确率比实际更好看。</numerusform>
        </translation>
    </message>
    <message>
        <source>Training needs at least two classes with images; {folder} has only &apos;{name}&apos;. Put each kind of picture in its own sub-folder, e.g. hotdog/ and not-hotdog/.</source>
        <translation>训练至少需要两个有图片的类别；{folder} 只有“{name}”。请把每种图片放进各自的子文件夹，例如 hotdog/ 和 not-hotdog/。</translation>
    </message>
    <message>
        <source>Training needs at least two classes with images; {folder} has none. Put each kind of picture in its own sub-folder, e.g. hotdog/ and not-hotdog/.</source>
        <translation>训练至少需要两个有图片的类别；{folder} 一个也没有。请把每种图片放进各自的子文件夹，例如 hotdog/ 和 not-hotdog/。</translation>
    </message>
    <message>
        <source>class &apos;{name}&apos; is not in the training folder</source>
        <translation>类别“{name}”不在训练文件夹中</translation>
    </message>
    <message>
        <source>The classes are unbalanced: &apos;{big}&apos; has {big_n} images, &apos;{small}&apos; only {small_n}. The model may favour &apos;{big}&apos;.</source>
        <translation>各类别数量不均衡：“{big}”有 {big_n} 张图片，“{small}”只有 {small_n} 张。模型可能偏向“{big}”。</translation>
    </message>
    <message>
        <source>Something went wrong: {problem}</source>
        <translation>出了问题：{problem}</translation>
    </message>
    <message numerus="yes">
        <source>Left out, as the model does not know them ({known}): the folder&apos;s {names}, %n picture(s) in all; only the shared classes were judged.</source>
        <translation>
            <numerusform>模型不认识这些类别（它认识：{known}），因此略去了文件夹中的 {names}，共 %n 张图片；只评判了共有的类别。</numerusform>
        </translation>
    </message>
    <message>
        <source>The folder has no pictures of {names}.</source>
        <translation>文件夹中没有 {names} 的图片。</translation>
    </message>
    <message>
        <source>None of the folder&apos;s classes ({names}) is one the model knows ({known}). Class folders must be named like the model&apos;s classes.</source>
        <translation>文件夹中的类别（{names}）没有一个是模型认识的（{known}）。类别文件夹的名称必须与模型的类别相同。</translation>
    </message>
    <message>
        <source>Keras (.keras)</source>
        <translation>Keras（.keras）</translation>
    </message>
    <message>
        <source>Python programs with Keras or TensorFlow; also to train the model further.</source>
        <translation>使用 Keras 或 TensorFlow 的 Python 程序；也可用于继续训练模型。</translation>
    </message>
    <message>
        <source>TensorFlow SavedModel (folder)</source>
        <translation>TensorFlow SavedModel（文件夹）</translation>
    </message>
    <message>
        <source>Servers (TensorFlow Serving), TensorFlow in C++ or Java, and converters to other formats.</source>
        <translation>服务器（TensorFlow Serving）、C++ 或 Java 中的 TensorFlow，以及转换到其他格式的工具。</translation>
    </message>
    <message>
        <source>TensorFlow Lite, float32 (.tflite)</source>
        <translation>TensorFlow Lite，float32（.tflite）</translation>
    </message>
    <message>
        <source>Phone apps (Android, iOS) and small computers such as a Raspberry Pi, with LiteRT.</source>
        <translation>手机应用（Android、iOS）和树莓派等小型电脑，使用 LiteRT。</translation>
    </message>
    <message>
        <source>TensorFlow Lite, quantised weights (.tflite)</source>
        <translation>TensorFlow Lite，量化权重（.tflite）</translation>
    </message>
    <message>
        <source>The same, a quarter of the size, answers a little less exact: for slow devices and small downloads.</source>
        <translation>同上，大小只有四分之一，回答略不精确：适合慢速设备和小下载量。</translation>
    </message>
    <message>
        <source>ONNX (.onnx)</source>
        <translation>ONNX (.onnx)</translation>
    </message>
    <message>
        <source>Programs in C#, C++, Java, JavaScript or Python with ONNX Runtime (Windows ML too).</source>
        <translation>使用 ONNX Runtime 的 C#、C++、Java、JavaScript 或 Python 程序（也包括 Windows ML）。</translation>
    </message>
    <message>
        <source>Web page (folder with index.html)</source>
        <translation>网页（含 index.html 的文件夹）</translation>
    </message>
    <message>
        <source>Anyone with a browser: open index.html and drop a photo on it, no install and no upload; or put the folder on a website.</source>
        <translation>任何有浏览器的人：打开 index.html，把照片拖进去即可，无需安装，也不会上传；也可以把文件夹放到网站上。</translation>
    </message>
    <message>
        <source>step {step} of {steps}</source>
        <translation>第 {step} 步，共 {steps} 步</translation>
    </message>
    <message>
        <source>{step} ({where})</source>
        <translation>{step}（{where}）</translation>
    </message>
    <message>
        <source>{step} ({where}, {time_left})</source>
        <translation>{step}（{where}，{time_left}）</translation>
    </message>
    <message>
        <source>Unknown export format &apos;{name}&apos;; choose one of: {choices}.</source>
        <translation>未知的导出格式“{name}”；请从这些中选择：{choices}。</translation>
    </message>
    <message>
        <source>Opening the model</source>
        <translation>正在打开模型</translation>
    </message>
    <message>
        <source>Reading the check photos</source>
        <translation>正在读取检验用的照片</translation>
    </message>
    <message>
        <source>Making {format}</source>
        <translation>正在生成 {format}</translation>
    </message>
    <message numerus="yes">
        <source>Checking it on %n photo(s) against the model</source>
        <translation>
            <numerusform>正在用 %n 张照片与原模型对照检验</numerusform>
        </translation>
    </message>
    <message>
        <source>The {format} export did not match the original model on the check images (same answer on {same}, largest difference {difference:.3f}); it was not saved.</source>
        <translation>{format} 导出结果在检查图片上与原模型不一致（回答相同的比例 {same}，最大差异 {difference:.3f}）；没有保存。</translation>
    </message>
    <message>
        <source>Cannot create the folder {folder}: {problem}.</source>
        <translation>无法创建文件夹 {folder}：{problem}。</translation>
    </message>
    <message>
        <source>An export is checked on real images, but none could be read from the given paths.</source>
        <translation>导出结果要用真实图片检查，但给出的路径中没有能读取的图片。</translation>
    </message>
    <message>
        <source>the file changed after the folder was read; read the folder again to use it</source>
        <translation>读取文件夹后文件被改动了；请重新读取文件夹再使用</translation>
    </message>
    <message>
        <source>empty file (0 bytes)</source>
        <translation>空文件（0 字节）</translation>
    </message>
    <message>
        <source>not an image, or an image format that cannot be read</source>
        <translation>不是图片，或者是无法读取的图片格式</translation>
    </message>
    <message>
        <source>too many pixels (over {limit} megapixels)</source>
        <translation>像素太多（超过 {limit} 百万像素）</translation>
    </message>
    <message>
        <source>cannot read image ({problem})</source>
        <translation>无法读取图片（{problem}）</translation>
    </message>
    <message>
        <source>too many pixels ({width}x{height}, over {limit} megapixels)</source>
        <translation>像素太多（{width}x{height}，超过 {limit} 百万像素）</translation>
    </message>
    <message>
        <source>image has no pixels</source>
        <translation>图片没有像素</translation>
    </message>
    <message>
        <source>AVIF picture: the Pillow library installed with this app cannot read AVIF; save it as JPEG</source>
        <translation>AVIF 图片：随本应用安装的 Pillow 库无法读取 AVIF；请把它另存为 JPEG</translation>
    </message>
    <message>
        <source>HEIC photo (the iPhone camera&apos;s format): reading it needs the HEIC add-on (see Troubleshooting in the README); or save it as JPEG</source>
        <translation>HEIC 照片（iPhone 相机的格式）：读取它需要 HEIC 附加组件（见 README 的“疑难解答”）；或把它另存为 JPEG</translation>
    </message>
    <message>
        <source>file is truncated or damaged</source>
        <translation>文件不完整或已损坏</translation>
    </message>
    <message>
        <source>cannot decode image ({problem})</source>
        <translation>无法解码图片（{problem}）</translation>
    </message>
    <message>
        <source>not a regular file (a device, pipe or socket), so it is not read</source>
        <translation>不是普通文件（设备、管道或套接字），因此不读取</translation>
    </message>
    <message>
        <source>no permission to read the file</source>
        <translation>没有读取该文件的权限</translation>
    </message>
    <message>
        <source>file no longer exists</source>
        <translation>文件已不存在</translation>
    </message>
    <message>
        <source>file too large (over {limit} MB)</source>
        <translation>文件太大（超过 {limit} MB）</translation>
    </message>
    <message>
        <source>is a folder, not a file</source>
        <translation>是文件夹，不是文件</translation>
    </message>
    <message>
        <source>cannot read file ({problem})</source>
        <translation>无法读取文件（{problem}）</translation>
    </message>
    <message>
        <source>A model needs a name.</source>
        <translation>模型需要一个名称。</translation>
    </message>
    <message>
        <source>There is already a model called “{name}” in {folder}.</source>
        <translation>{folder} 中已经有名为“{name}”的模型。</translation>
    </message>
    <message>
        <source>Could not rename {name}: {problem}.</source>
        <translation>无法重命名 {name}：{problem}。</translation>
    </message>
    <message>
        <source>model said</source>
        <translation>模型的回答</translation>
    </message>
    <message>
        <source>true class</source>
        <translation>真实类别</translation>
    </message>
    <message>
        <source>Right (share of pictures)</source>
        <translation>答对的比例</translation>
    </message>
    <message>
        <source>Penalty for wrong or unsure answers (lower is better)</source>
        <translation>答错或没把握的扣分（越低越好）</translation>
    </message>
    <message>
        <source>learning round</source>
        <translation>学习轮次</translation>
    </message>
    <message>
        <source>training pictures</source>
        <translation>训练图片</translation>
    </message>
    <message>
        <source>held-out pictures</source>
        <translation>检验图片</translation>
    </message>
    <message>
        <source>the round kept</source>
        <translation>保留的那一轮</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>得到回答</translation>
    </message>
    <message>
        <source>right, of those answered</source>
        <translation>回答中答对</translation>
    </message>
    <message>
        <source>confidence needed to answer</source>
        <translation>回答所需的把握</translation>
    </message>
    <message>
        <source>Reading the photos</source>
        <translation>正在读取照片</translation>
    </message>
    <message>
        <source>Comparing the networks on some of your photos</source>
        <translation>正在用你的部分照片比较各个网络</translation>
    </message>
    <message>
        <source>Looking at each photo once (computing features)</source>
        <translation>正在逐张查看照片（计算特征）</translation>
    </message>
    <message>
        <source>Learning your classes (training the new output layer)</source>
        <translation>正在学习你的类别（训练新的输出层）</translation>
    </message>
    <message>
        <source>Adjusting the top of the network to your photos (fine-tuning)</source>
        <translation>正在让网络顶部适应你的照片（微调）</translation>
    </message>
    <message>
        <source>Saving the model</source>
        <translation>正在保存模型</translation>
    </message>
    <message>
        <source>Photos looked at</source>
        <translation>已查看照片</translation>
    </message>
    <message>
        <source>{name} must be from {low} to {high}, not {value}.</source>
        <translation>{name}必须在 {low} 到 {high} 之间，不能是 {value}。</translation>
    </message>
    <message>
        <source>Learning rounds (epochs)</source>
        <translation>学习轮次</translation>
    </message>
    <message>
        <source>The learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>The “not sure” threshold</source>
        <translation>“不确定”阈值</translation>
    </message>
    <message>
        <source>The number of classes shown (--top-k)</source>
        <translation>显示的类别数（--top-k）</translation>
    </message>
    <message>
        <source>The random seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Photos compared</source>
        <translation>已比较的照片</translation>
    </message>
    <message>
        <source>Starting the training engine</source>
        <translation>正在启动训练引擎</translation>
    </message>
    <message>
        <source>The training engine had stopped; starting a new one</source>
        <translation>训练引擎已停止；正在启动一个新的</translation>
    </message>
    <message>
        <source>Fine-tuning steps</source>
        <translation>微调步数</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Photos sorted</source>
        <translation>已整理的照片</translation>
    </message>
    <message>
        <source>Stopped by the user.</source>
        <translation>已被用户停止。</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} 秒</translation>
    </message>
    <message>
        <source>{minutes} min {seconds:02d} s</source>
        <translation>{minutes} 分 {seconds:02d} 秒</translation>
    </message>
    <message>
        <source>{hours} h {minutes:02d} min</source>
        <translation>{hours} 小时 {minutes:02d} 分</translation>
    </message>
    <message>
        <source>about {duration} left</source>
        <translation>大约还需 {duration}</translation>
    </message>
    <message>
        <source>(file no longer readable)</source>
        <translation>（文件已无法读取）</translation>
    </message>
    <message>
        <source>Pretrained network</source>
        <translation>预训练网络</translation>
    </message>
    <message>
        <source>Picture size the network sees (pixels)</source>
        <translation>网络看到的图片尺寸（像素）</translation>
    </message>
    <message>
        <source>Learning rounds for the new output layer</source>
        <translation>新输出层的学习轮数</translation>
    </message>
    <message>
        <source>Learning rate (step size) of the new output layer</source>
        <translation>新输出层的学习率（步长）</translation>
    </message>
    <message>
        <source>Weight penalty that keeps the output layer simple</source>
        <translation>让输出层保持简单的权重惩罚</translation>
    </message>
    <message>
        <source>Share of features dropped at random while fine-tuning</source>
        <translation>微调时随机丢弃的特征比例</translation>
    </message>
    <message>
        <source>Layers of the network fine-tuned (empty: decided automatically)</source>
        <translation>微调的网络层数（空：自动决定）</translation>
    </message>
    <message>
        <source>Fine-tuning rounds</source>
        <translation>微调轮数</translation>
    </message>
    <message>
        <source>Learning rate (step size) while fine-tuning</source>
        <translation>微调时的学习率（步长）</translation>
    </message>
    <message>
        <source>Vary the pictures while fine-tuning (crops, mirror, lighting)</source>
        <translation>微调时变换图片（裁剪、镜像、光照）</translation>
    </message>
    <message>
        <source>Groups the pictures are split into to check on held-out pictures</source>
        <translation>为用检验图片检查而把图片分成的组数</translation>
    </message>
    <message>
        <source>Random seed (the same seed repeats a run)</source>
        <translation>随机种子（相同的种子得到相同的结果）</translation>
    </message>
    <message>
        <source>Automatic fine-tuning needs at least this many held-out pictures</source>
        <translation>自动微调至少需要这么多检验图片</translation>
    </message>
    <message>
        <source>Automatic fine-tuning only up to this many pictures</source>
        <translation>图片不超过这个数量时才自动微调</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message numerus="yes">
        <source>{used} pictures used; %n file(s) could not be used:</source>
        <translation>
            <numerusform>使用了 {used} 张图片；%n 个文件无法使用：</numerusform>
        </translation>
    </message>
    <message>
        <source>{used} pictures used; every file could be used.</source>
        <translation>使用了 {used} 张图片；所有文件都可以使用。</translation>
    </message>
    <message>
        <source>Pictures</source>
        <translation>图片数</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Learning</source>
        <translation>学习过程</translation>
    </message>
    <message>
        <source>Trained {date} with FineTune Studio {version} on {folder}.</source>
        <translation>于 {date} 用 FineTune Studio {version} 在 {folder} 上训练。</translation>
    </message>
    <message>
        <source>Right on held-out pictures: &lt;b&gt;{accuracy}&lt;/b&gt;.</source>
        <translation>检验图片答对：&lt;b&gt;{accuracy}&lt;/b&gt;。</translation>
    </message>
    <message numerus="yes">
        <source>Right on %n held-out pictures: &lt;b&gt;{accuracy}&lt;/b&gt; (the top of the network was fine-tuned).</source>
        <translation>
            <numerusform>%n 张检验图片答对：&lt;b&gt;{accuracy}&lt;/b&gt;（网络顶部经过了微调）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Right on %n held-out pictures: &lt;b&gt;{accuracy}&lt;/b&gt;.</source>
        <translation>
            <numerusform>%n 张检验图片答对：&lt;b&gt;{accuracy}&lt;/b&gt;。</numerusform>
        </translation>
    </message>
    <message>
        <source>The model {rule} (otherwise it says “not sure”); then {coverage} of pictures get an answer, {accuracy} of those right.</source>
        <translation>模型{rule}（否则回答“不确定”）；这样 {coverage} 的图片得到回答，其中 {accuracy} 答对。</translation>
    </message>
    <message>
        <source>The model {rule} (otherwise it says “not sure”); then no picture gets an answer.</source>
        <translation>模型{rule}（否则回答“不确定”）；这样没有图片得到回答。</translation>
    </message>
    <message>
        <source>Held-out pictures: where it goes wrong</source>
        <translation>检验图片：哪里出错</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <source>Each of {n} pictures judged, before fine-tuning, by a model that had not seen it: {accuracy} right.</source>
        <translation>{n} 张图片在微调之前各由没见过它的模型判断：答对 {accuracy}。</translation>
    </message>
    <message>
        <source>Each of {n} pictures judged by a model that had not seen it: {accuracy} right.</source>
        <translation>{n} 张图片各由一个没见过它的模型判断：答对 {accuracy}。</translation>
    </message>
    <message>
        <source>The {n} most confident mistakes</source>
        <translation>最有把握却答错的 {n} 张</translation>
    </message>
    <message>
        <source>is &lt;b&gt;{truth}&lt;/b&gt;, said &lt;b&gt;{said}&lt;/b&gt; ({confidence}%)</source>
        <translation>实为 &lt;b&gt;{truth}&lt;/b&gt;，回答 &lt;b&gt;{said}&lt;/b&gt;（{confidence}%）</translation>
    </message>
    <message>
        <source>None: every held-out picture was right.</source>
        <translation>没有：每张检验图片都答对了。</translation>
    </message>
    <message>
        <source>To improve this model</source>
        <translation>如何改进这个模型</translation>
    </message>
    <message>
        <source>Nothing stands out; more varied photos of every class help most.</source>
        <translation>没有明显的问题；给每个类别添加更多样的照片最有帮助。</translation>
    </message>
    <message>
        <source>{model} — training report</source>
        <translation>{model} — 训练报告</translation>
    </message>
    <message>
        <source>Fine-tuning skipped: the new output layer is already right on every held-out picture.</source>
        <translation>跳过了微调：新的输出层已经答对了每张检验图片。</translation>
    </message>
    <message numerus="yes">
        <source>the %n picture(s) of the validation folder</source>
        <translation>
            <numerusform>验证文件夹中的 %n 张图片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the %n picture(s) of one of the {groups} held-out groups</source>
        <translation>
            <numerusform>{groups} 组检验图片中一组的 %n 张图片</numerusform>
        </translation>
    </message>
    <message>
        <source>Fine-tuning skipped: it would be judged on {judged}, too few to tell a real gain from luck (it needs {needed}), and on small sets it tends to memorise the training photos.</source>
        <translation>跳过了微调：它只能用{judged}来检验，太少了，分不清真正的提升和运气（至少需要 {needed} 张）；而且在小数据集上微调容易死记训练照片。</translation>
    </message>
    <message>
        <source>Fine-tuning skipped: with {n} pictures it would take long on a CPU (turn it on in the advanced settings to force it).</source>
        <translation>跳过了微调：{n} 张图片在 CPU 上会花很长时间（可在高级设置中强制开启）。</translation>
    </message>
    <message>
        <source>The class &apos;{name}&apos; had no image that could be read, so it was left out.</source>
        <translation>类别“{name}”没有能读取的图片，所以没有使用它。</translation>
    </message>
    <message numerus="yes">
        <source>The stored features of %n photo(s) were damaged (changed outside the app) and were computed again.</source>
        <translation>
            <numerusform>%n 张照片的缓存特征已损坏（在应用之外被改动），已重新计算。</numerusform>
        </translation>
    </message>
    <message>
        <source>Fewer than two classes have images that can be read; see the skipped files.</source>
        <translation>有可读取图片的类别少于两个；请查看跳过的文件。</translation>
    </message>
    <message>
        <source>Fine-tuning skipped: it needs held-out pictures to know when to stop.</source>
        <translation>跳过了微调：需要检验图片才能知道何时停止。</translation>
    </message>
    <message>
        <source>Fine-tuning did not beat the output layer alone on held-out pictures, so it was not kept.</source>
        <translation>在检验图片上，微调没有比只训练输出层更好，所以没有保留。</translation>
    </message>
    <message>
        <source>The training report was not written: {problem}</source>
        <translation>没有写出训练报告：{problem}</translation>
    </message>
    <message>
        <source>The project file {file} does not exist.</source>
        <translation>项目文件 {file} 不存在。</translation>
    </message>
    <message>
        <source>{name} is not a FineTune Studio project, or the file is damaged.</source>
        <translation>{name} 不是 FineTune Studio 项目，或者文件已损坏。</translation>
    </message>
    <message>
        <source>{name} is damaged: “{field}” should be a whole number.</source>
        <translation>{name} 已损坏：“{field}”应当是一个整数。</translation>
    </message>
    <message>
        <source>{name} is damaged: “added” names a photo outside the app&apos;s project photo folders ({photo}).</source>
        <translation>{name} 已损坏：“added”中有一张不在应用的项目照片文件夹里的照片（{photo}）。</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>新项目</translation>
    </message>
    <message>
        <source>A class needs a name without slashes.</source>
        <translation>类别需要一个不含斜杠的名称。</translation>
    </message>
    <message>
        <source>There is already a class called “{name}”.</source>
        <translation>已经有名为“{name}”的类别。</translation>
    </message>
    <message>
        <source>{folder} already exists; choose a new folder to export into.</source>
        <translation>{folder} 已经存在；请选择一个新的文件夹来导出。</translation>
    </message>
    <message>
        <source>Could not export into {folder}: {problem}</source>
        <translation>无法导出到 {folder}：{problem}</translation>
    </message>
    <message>
        <source>{name} is damaged: “{field}” should be a list of texts.</source>
        <translation>{name} 已损坏：“{field}”应当是文本列表。</translation>
    </message>
    <message>
        <source>{name} is damaged: “{field}” should be a table of texts.</source>
        <translation>{name} 已损坏：“{field}”应当是文本对照表。</translation>
    </message>
    <message>
        <source>Computing on the GPU: {names}.</source>
        <translation>使用 GPU 计算：{names}。</translation>
    </message>
    <message>
        <source>Computing on the processor (CPU): TensorFlow found no GPU.</source>
        <translation>使用处理器（CPU）计算：TensorFlow 没有找到 GPU。</translation>
    </message>
    <message>
        <source>{network}: {right} of {photos} right ({share})</source>
        <translation>{network}：{photos} 张中答对 {right} 张（{share}）</translation>
    </message>
    <message>
        <source>Best for my photos: measured on {sample} of your {photos} photos — {measured}. Chose {network}.</source>
        <translation>最适合我的照片：在你的 {photos} 张照片中取 {sample} 张测量——{measured}。选用了 {network}。</translation>
    </message>
    <message>
        <source>{networks} not measured: with only {wrong} of {photos} wrong, no network could be clearly better on these photos.</source>
        <translation>未测量 {networks}：在这些照片上只错了 {photos} 张中的 {wrong} 张，没有哪个网络能明显更好。</translation>
    </message>
    <message>
        <source>The training process ended unexpectedly (exit code {code}).</source>
        <translation>训练进程意外结束（退出码 {code}）。</translation>
    </message>
    <message>
        <source>The two models know different classes, so they cannot be ranked against each other.</source>
        <translation>两个模型认识的类别不同，无法比较高下。</translation>
    </message>
    <message>
        <source>The two models were not tested on the same photos, so they cannot be compared.</source>
        <translation>两个模型没有在同一批图片上检验过，无法比较。</translation>
    </message>
    <message>
        <source>On the {photos} held-out photos both were tested on, the new model is right on {new}, the model in use on {old}.</source>
        <translation>在两个模型都检验过的 {photos} 张检验图片上，新模型答对 {new} 张，正在使用的模型答对 {old} 张。</translation>
    </message>
    <message>
        <source>The new model is better: of the {differ} photos they answer differently, it gets {wins} right, too many to be luck.</source>
        <translation>新模型更好：在两者答案不同的 {differ} 张照片中，它答对了 {wins} 张，多到不能用运气解释。</translation>
    </message>
    <message>
        <source>The new model is worse: of the {differ} photos they answer differently, the model in use gets {wins} right, too many to be luck.</source>
        <translation>新模型更差：在两者答案不同的 {differ} 张照片中，正在使用的模型答对了 {wins} 张，多到不能用运气解释。</translation>
    </message>
    <message numerus="yes">
        <source>No real difference: they answer %n photo(s) differently, which luck alone could explain.</source>
        <translation>
            <numerusform>没有真正的差别：两个模型有 %n 张照片的回答不同，这单凭运气就可能出现。</numerusform>
        </translation>
    </message>
    <message>
        <source>FineTune Studio: teach the computer your own kinds of pictures. Opens the window; for training without it, see finetune-studio --help.</source>
        <translation>FineTune Studio：教电脑认出你自己的几类图片。打开主窗口；不用窗口训练请看 finetune-studio --help。</translation>
    </message>
    <message>
        <source>a folder of class folders or a project (.ftsproject) to open in the Dataset tab, a model (.keras) to use, or photos to look at in the Predict tab</source>
        <translation>要在“数据集”页打开的类别文件夹的上级文件夹或项目（.ftsproject），要使用的模型（.keras），或要在“识别”页查看的照片</translation>
    </message>
    <message>
        <source>Made with FineTune Studio. The model tells these classes apart, in the order of its outputs (also in labels.txt): {classes}.</source>
        <translation>由 FineTune Studio 制作。模型区分以下类别，按其输出顺序（也写在 labels.txt 中）：{classes}。</translation>
    </message>
    <message>
        <source>Each file takes a photo as its RGB pixels (0 to 255, float32), shaped [1, height, width, 3]. Prepared as below (upright, the centred square resized to {size} x {size} pixels), it gives the app&apos;s answers. It also takes a whole photo of any size and cuts the square itself, but resizes it more coarsely: a large photo&apos;s answers can then differ from the app&apos;s by several percent.</source>
        <translation>每个文件接收照片的 RGB 像素（0 到 255，float32），形状为 [1, 高, 宽, 3]。按下面的方法准备（摆正，取中央的正方形并缩放到 {size} x {size} 像素），就能得到与本应用相同的回答。它也接受任意大小的整张照片并自己裁出正方形，但缩放较粗糙：大照片的回答可能与本应用相差几个百分点。</translation>
    </message>
    <message>
        <source>Each file takes a photo resized to {size} x {size} pixels, as RGB values from 0 to 255 (float32), shaped [1, {size}, {size}, 3].</source>
        <translation>每个文件接收缩放到 {size} x {size} 像素的照片，RGB 值为 0 到 255（float32），形状为 [1, {size}, {size}, 3]。</translation>
    </message>
    <message>
        <source>It returns one probability per class. In the app the model {threshold}.</source>
        <translation>它为每个类别返回一个概率。在本应用中，该模型{threshold}。</translation>
    </message>
    <message>
        <source>Open {page} in a browser (double-click it) and drop a photo on it: the browser prepares it as the app does and runs the model on the graphics chip (WebGL), and the photo is not uploaded. To put it on a website, copy the whole folder. In a page of your own, saved in that folder and opened from a web server (a browser does not let a page opened from disk read the pixels of a picture it names; for a try: python -m http.server):</source>
        <translation>在浏览器中打开 {page}（双击即可），把照片拖进去：浏览器会像本应用一样处理照片，并在显卡上运行模型（WebGL），照片不会被上传。要放到网站上，请复制整个文件夹。在你自己的网页中使用时，把网页保存在该文件夹里，并通过网页服务器打开（从磁盘打开的网页不能读取它引用的图片的像素；试用时可运行 python -m http.server）：</translation>
    </message>
    <message>
        <source>Opset {opset}; input “{input}”, output: the probabilities.</source>
        <translation>Opset {opset}；输入“{input}”，输出：各类别的概率。</translation>
    </message>
    <message>
        <source>not sure</source>
        <translation>不确定</translation>
    </message>
    <message>
        <source>Stopped. {done}</source>
        <translation>已停止。{done}</translation>
    </message>
    <message>
        <source>{folder} already holds photos sorted before ({record}). Undo that sort, or choose another folder.</source>
        <translation>{folder} 中已有之前整理的照片（{record}）。请先撤销那次整理，或选择另一个文件夹。</translation>
    </message>
    <message numerus="yes">
        <source>Sort undone: %n photo(s) back as they were.</source>
        <translation>
            <numerusform>整理已撤销：%n 张照片恢复原样。</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no sort to undo in {folder} ({record} is not there).</source>
        <translation>{folder} 中没有可以撤销的整理（没有 {record}）。</translation>
    </message>
    <message>
        <source>it is no longer there</source>
        <translation>它已经不在那里了</translation>
    </message>
    <message>
        <source>another file is now at {path}</source>
        <translation>{path} 处现在有另一个文件</translation>
    </message>
    <message>
        <source>{share} (likely between {low} and {high})</source>
        <translation>{share}（可能在 {low} 到 {high} 之间）</translation>
    </message>
    <message>
        <source>{share} with {n} photos</source>
        <translation>{n} 张照片时 {share}</translation>
    </message>
    <message numerus="yes">
        <source>More photos will likely help: held-out accuracy still grows with their number ({measured}). Twice as many (about %n more) would likely add about {points} points.</source>
        <translation>
            <numerusform>更多照片很可能有帮助：检验准确率仍随照片数量增长（{measured}）。照片翻倍（大约再加 %n 张）很可能提高约 {points} 个百分点。</numerusform>
        </translation>
    </message>
    <message>
        <source>More photos like these would add little: held-out accuracy hardly grows with their number ({measured}). Add photos unlike the ones you have (other light, backgrounds, angles), most of all of the classes it confuses.</source>
        <translation>再加类似的照片帮助不大：检验准确率几乎不随照片数量增长（{measured}）。请添加与现有照片不同的照片（不同的光线、背景、角度），尤其是模型混淆的类别。</translation>
    </message>
    <message numerus="yes">
        <source>Add photos of “{true}” that look like “{predicted}”: the model took %n of the {support} “{true}” photos for “{predicted}” (see them among the mistakes).</source>
        <translation>
            <numerusform>添加看起来像“{predicted}”的“{true}”照片：在 {support} 张“{true}”照片中，模型把 %n 张当成了“{predicted}”（可在错误中看到它们）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>“{label}” needs more photos: it has %n for training, against {largest} for the largest class, and the model finds only {found} of its photos (overall it is right on {overall}). Aim for about {largest} varied photos.</source>
        <translation>
            <numerusform>“{label}”需要更多照片：它只有 %n 张训练照片，而最大的类别有 {largest} 张；模型只认出了它 {found} 的照片（整体答对 {overall}）。目标是大约 {largest} 张多样的照片。</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <source>Ready: drop a photo.</source>
        <translation>准备就绪：请拖入一张照片。</translation>
    </message>
    <message>
        <source>Looking…</source>
        <translation>正在识别…</translation>
    </message>
    <message>
        <source>{label} ({share} sure)</source>
        <translation>{label}（把握 {share}）</translation>
    </message>
    <message>
        <source>Not sure. Most like {label} ({share}).</source>
        <translation>不确定。最像 {label}（{share}）。</translation>
    </message>
    <message>
        <source>That file is not a picture this browser can open.</source>
        <translation>这个文件不是此浏览器能打开的图片。</translation>
    </message>
    <message>
        <source>This browser could not run the model ({problem}). It needs WebGL: a recent Chrome, Edge, Firefox or Safari with hardware acceleration on.</source>
        <translation>此浏览器无法运行模型（{problem}）。它需要 WebGL：请使用较新的 Chrome、Edge、Firefox 或 Safari，并开启硬件加速。</translation>
    </message>
    <message>
        <source>Drop a photo here, or click to choose one.</source>
        <translation>把照片拖到这里，或点击选择一张。</translation>
    </message>
    <message>
        <source>The photo stays on this computer: the model runs in this browser.</source>
        <translation>照片留在这台电脑上：模型在此浏览器中运行。</translation>
    </message>
    <message>
        <source>Made with FineTune Studio. Classes: {classes}.</source>
        <translation>用 FineTune Studio 制作。类别：{classes}。</translation>
    </message>
</context>
<context>
    <name>Camera</name>
    <message>
        <source>The camera cannot be used on this computer: a system library it needs is missing ({0}). On Linux, install the PulseAudio client library (package libpulse0).</source>
        <translation>这台电脑无法使用摄像头：缺少它需要的系统库（{0}）。在 Linux 上，请安装 PulseAudio 客户端库（软件包 libpulse0）。</translation>
    </message>
    <message>
        <source>No camera was found. Attach one and open this window again.</source>
        <translation>没有找到摄像头。请连接一个，然后重新打开此窗口。</translation>
    </message>
</context>
<context>
    <name>CaptureDialog</name>
    <message>
        <source>Photos from the camera</source>
        <translation>用摄像头拍照</translation>
    </message>
    <message>
        <source> a second</source>
        <translation> 张/秒</translation>
    </message>
    <message>
        <source>Hold to record</source>
        <translation>按住录制</translation>
    </message>
    <message>
        <source>Hold the button, or the space bar, and move the thing a little: every angle helps the model.</source>
        <translation>按住此按钮或空格键，并稍微移动物体：每个角度都对模型有帮助。</translation>
    </message>
    <message>
        <source>Take photo</source>
        <translation>拍一张</translation>
    </message>
    <message>
        <source>Camera:</source>
        <translation>摄像头：</translation>
    </message>
    <message>
        <source>Add to class:</source>
        <translation>添加到类别：</translation>
    </message>
    <message>
        <source>While recording:</source>
        <translation>录制时：</translation>
    </message>
    <message numerus="yes">
        <source>Recording: %n photo(s)…</source>
        <translation>
            <numerusform>正在录制：%n 张照片…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) added to the project this time (Dataset ▸ Undo takes them back).</source>
        <translation>
            <numerusform>本次已向项目添加 %n 张照片（数据集 ▸ 撤销可以收回）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Adding photos…</source>
        <translation>正在添加照片…</translation>
    </message>
</context>
<context>
    <name>CheckLabelsDialog</name>
    <message>
        <source>Check labels</source>
        <translation>检查标注</translation>
    </message>
    <message>
        <source>{0}
filed as {1}; the model says {2} ({3}% sure)</source>
        <translation>{0}
归在 {1}；模型认为是 {2}（把握 {3}%）</translation>
    </message>
    <message>
        <source>Nothing to check: every photo agrees with its class.</source>
        <translation>没有需要检查的：每张照片都与它的类别一致。</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>The class is right; take the photo off this list</source>
        <translation>类别是对的；把这张照片从列表中移除</translation>
    </message>
    <message>
        <source>Leave Out</source>
        <translation>不使用</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Each photo below was judged by a model that had not seen it (the one training set aside to test it), and that model disagrees with the photo&apos;s class; the surest come first.</source>
        <translation>下面每张照片都由一个没见过它的模型判断过（训练时为检验而留出的那个模型），而这个模型与照片所在的类别意见不一；把握最大的排在前面。</translation>
    </message>
    <message numerus="yes">
        <source>Nothing stands out: none of these %n doubt(s) is {0}% sure or more. Such doubts are more often the model&apos;s mistakes than wrong labels.</source>
        <translation>
            <numerusform>没有特别可疑的：这 %n 个疑点的把握都不到 {0}%。这样的疑点多半是模型自己的错误，而不是标签错了。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>For %n photo(s) the model is at least {0}% sure of another class: worth a look. The model can be wrong too, so move a photo only when you see its class is wrong.</source>
        <translation>
            <numerusform>有 %n 张照片，模型至少有 {0}% 的把握认为属于另一类：值得看一看。模型也可能出错，所以只有在你亲眼看出类别错了时才移动照片。</numerusform>
        </translation>
    </message>
    <message>
        <source>Move to “{0}”</source>
        <translation>移到“{0}”</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>移动</translation>
    </message>
</context>
<context>
    <name>DatasetTab</name>
    <message>
        <source>Choose Folder…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <source>Recent folders and projects</source>
        <translation>最近的文件夹和项目</translation>
    </message>
    <message>
        <source>Choose a folder that holds one sub-folder per kind of picture (for example hotdog/ and not-hotdog/), or drop the folder on this window.</source>
        <translation>选择一个每种图片各有一个子文件夹的文件夹（例如 hotdog/ 和 not-hotdog/），或把文件夹拖到这个窗口上。</translation>
    </message>
    <message>
        <source>Move to Class</source>
        <translation>移到类别</translation>
    </message>
    <message>
        <source>&lt;b&gt;Classes&lt;/b&gt;</source>
        <translation>&lt;b&gt;类别&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Health check&lt;/b&gt;</source>
        <translation>&lt;b&gt;健康检查&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;No pictures yet&lt;/h2&gt;&lt;p&gt;Press &lt;b&gt;Choose Folder…&lt;/b&gt; or drop a folder here.&lt;/p&gt;&lt;p&gt;Inside it, put one sub-folder per kind of picture:&lt;br&gt;&lt;tt&gt;hotdog/&lt;/tt&gt; with hot-dog photos, &lt;tt&gt;not-hotdog/&lt;/tt&gt; with everything else.&lt;/p&gt;&lt;p&gt;Twenty or more varied photos per kind work well.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;还没有图片&lt;/h2&gt;&lt;p&gt;点击&lt;b&gt;选择文件夹…&lt;/b&gt;，或把文件夹拖到这里。&lt;/p&gt;&lt;p&gt;在文件夹里，每种图片放一个子文件夹：&lt;br&gt;&lt;tt&gt;hotdog/&lt;/tt&gt; 放热狗照片，&lt;tt&gt;not-hotdog/&lt;/tt&gt; 放其他所有照片。&lt;/p&gt;&lt;p&gt;每种有二十张或更多不同的照片效果就很好。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop adding; no photo of this batch is added</source>
        <translation>停止添加；这一批照片一张也不会加入</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>打开文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;New Project</source>
        <translation>新建项目(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save Project</source>
        <translation>保存项目(&amp;S)</translation>
    </message>
    <message>
        <source>Save Project &amp;As…</source>
        <translation>项目另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Export Photos as Folders…</source>
        <translation>按文件夹导出照片(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>New Class…</source>
        <translation>新建类别…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Add Photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <source>Paste Photo</source>
        <translation>粘贴照片</translation>
    </message>
    <message>
        <source>From Camera…</source>
        <translation>用摄像头…</translation>
    </message>
    <message>
        <source>Record photos of this class with a camera</source>
        <translation>用摄像头为这个类别录制照片</translation>
    </message>
    <message>
        <source>Leave Out</source>
        <translation>不使用</translation>
    </message>
    <message>
        <source>Take Back</source>
        <translation>重新使用</translation>
    </message>
    <message numerus="yes">
        <source>Accuracy is measured on the %n picture(s) in its validation folder.</source>
        <translation>
            <numerusform>准确率用它的验证文件夹中的 %n 张图片来衡量。</numerusform>
        </translation>
    </message>
    <message>
        <source>Accuracy is measured on held-out pictures: the pictures are split into {0} groups, and each group is set aside once and judged by a model trained on the others.</source>
        <translation>准确率用检验图片来衡量：图片分成 {0} 组，每组轮流留出一次，由用其余各组训练的模型来判断。</translation>
    </message>
    <message numerus="yes">
        <source>Its test folder (%n picture(s)) is kept for evaluation.</source>
        <translation>
            <numerusform>它的测试文件夹（%n 张图片）留作评估。</numerusform>
        </translation>
    </message>
    <message>
        <source>Photos from: {0}</source>
        <translation>照片来自：{0}</translation>
    </message>
    <message numerus="yes">
        <source>%n added photo(s), copies kept in {0}</source>
        <translation>
            <numerusform>%n 张添加的照片，副本保存在 {0}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} — %n picture(s)</source>
        <translation>
            <numerusform>{0} — %n 张图片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Left out — %n picture(s)</source>
        <translation>
            <numerusform>不使用 — %n 张图片</numerusform>
        </translation>
    </message>
    <message>
        <source>Adding photos: {0} of {1}</source>
        <translation>正在添加照片：第 {0} 张，共 {1} 张</translation>
    </message>
    <message>
        <source>Leave the selected photos out of training (they stay on disk)</source>
        <translation>训练时不使用选中的照片（文件仍保留在磁盘上）</translation>
    </message>
    <message>
        <source>Reading {0}…</source>
        <translation>正在读取 {0}…</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt;: {1} classes, {2} pictures for training.</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;：{1} 个类别，{2} 张训练图片。</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>没有发现问题。</translation>
    </message>
    <message>
        <source>Show these photos</source>
        <translation>显示这些照片</translation>
    </message>
    <message>
        <source>Add photos to “{0}”</source>
        <translation>向“{0}”添加照片</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>“{0}” has changes that are not saved. Save them before it closes?</source>
        <translation>“{0}”有尚未保存的更改。关闭前要保存吗？</translation>
    </message>
    <message>
        <source>Save the project as</source>
        <translation>项目另存为</translation>
    </message>
    <message>
        <source>FineTune Studio project (*.ftsproject)</source>
        <translation>FineTune Studio 项目 (*.ftsproject)</translation>
    </message>
    <message>
        <source>Open a project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>Choose where the photo folders go</source>
        <translation>选择照片文件夹的存放位置</translation>
    </message>
    <message>
        <source>The photos are in {0}, one folder per class.</source>
        <translation>照片在 {0} 中，每个类别一个文件夹。</translation>
    </message>
    <message>
        <source>New class</source>
        <translation>新建类别</translation>
    </message>
    <message>
        <source>Name of the new class:</source>
        <translation>新类别的名称：</translation>
    </message>
    <message>
        <source>Rename the class</source>
        <translation>重命名类别</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <source>Delete the class</source>
        <translation>删除类别</translation>
    </message>
    <message>
        <source>Take the class “{0}” and its photos out of the project? The photo files stay where they are, and Undo brings the class back.</source>
        <translation>把类别“{0}”及其照片从项目中移除吗？照片文件仍在原处，撤销可以恢复这个类别。</translation>
    </message>
    <message>
        <source>Images ({0})</source>
        <translation>图片 ({0})</translation>
    </message>
    <message>
        <source>Choose the folder of class folders</source>
        <translation>选择包含各类别文件夹的文件夹</translation>
    </message>
</context>
<context>
    <name>EvaluateTab</name>
    <message>
        <source>Train a model or open one to see how good it is.</source>
        <translation>训练或打开一个模型，看看它有多好。</translation>
    </message>
    <message>
        <source>Choose Model…</source>
        <translation>选择模型…</translation>
    </message>
    <message>
        <source>Evaluate on a Folder…</source>
        <translation>用文件夹评估…</translation>
    </message>
    <message>
        <source>A folder of class folders the model has not seen (its test/ split is used when it has one).</source>
        <translation>一个包含各类别文件夹、模型没见过的文件夹（有 test/ 时使用它）。</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the model for other programs; each export is checked against the original on real photos</source>
        <translation>为其他程序保存模型；每个导出结果都会用真实照片与原模型对比检查</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>Pictures</source>
        <translation>图片数</translation>
    </message>
    <message>
        <source>Precision: when the model says this class, how often it is right</source>
        <translation>精确率：模型说是这个类别时，有多少次是对的</translation>
    </message>
    <message>
        <source>Recall: of the pictures of this class, how many the model found</source>
        <translation>召回率：这个类别的图片中，模型找出了多少</translation>
    </message>
    <message>
        <source>F1: precision and recall in one number</source>
        <translation>F1：把精确率和召回率合成一个数</translation>
    </message>
    <message>
        <source>Pictures of this class</source>
        <translation>这个类别的图片数</translation>
    </message>
    <message>
        <source>Save Threshold</source>
        <translation>保存阈值</translation>
    </message>
    <message>
        <source>Keep this threshold in the model file; until then it applies only while the app is open</source>
        <translation>把这个阈值保存到模型文件中；在此之前它只在应用打开期间有效</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Back to the recommended threshold</source>
        <translation>回到推荐的阈值</translation>
    </message>
    <message>
        <source>Mistakes</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Not sure</source>
        <translation>不确定</translation>
    </message>
    <message>
        <source>Right, but barely</source>
        <translation>答对了，但很勉强</translation>
    </message>
    <message>
        <source>&lt;b&gt;Answer only when at least this sure:&lt;/b&gt;</source>
        <translation>&lt;b&gt;至少有这么大把握时才回答：&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Nothing evaluated yet&lt;/h2&gt;&lt;p&gt;Train a model in the Train tab, or press &lt;b&gt;Choose Model…&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;Here you will see how often it is right on pictures it did not learn from, which pictures it gets wrong, and how sure it should be before it answers. &lt;b&gt;Evaluate on a Folder…&lt;/b&gt; tests it on other photos.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;还没有评估&lt;/h2&gt;&lt;p&gt;在“训练”页训练一个模型，或按&lt;b&gt;选择模型…&lt;/b&gt;。&lt;/p&gt;&lt;p&gt;这里会显示它在没学过的图片上答对的比例、答错了哪些图片，以及它要有多大把握才该作答。&lt;b&gt;用文件夹评估…&lt;/b&gt;可以用其他照片来检验它。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Model: &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>模型：&lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>▲ recommended: {0}% (chosen on the pictures held out during training)</source>
        <translation>▲ 推荐：{0}%（根据训练时留出的图片选定）</translation>
    </message>
    <message>
        <source>Held-out pictures during training: each picture was judged by a model that had not seen it.</source>
        <translation>训练时的检验图片：每张图片都由没见过它的模型判断。</translation>
    </message>
    <message>
        <source>This model was trained without held-out pictures; evaluate it on a folder.</source>
        <translation>这个模型训练时没有留出检验图片；请用文件夹评估它。</translation>
    </message>
    <message>
        <source>Could not open the model. Choose another one.</source>
        <translation>无法打开模型。请选择另一个。</translation>
    </message>
    <message>
        <source>Choose a folder of class folders</source>
        <translation>选择包含各类别文件夹的文件夹</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;The model was trained on %n of these pictures&lt;/b&gt;, so this accuracy looks better than it will be on new photos. Evaluate on pictures it has not seen (a test/ folder).</source>
        <translation>
            <numerusform>&lt;b&gt;模型训练时用过其中 %n 张图片&lt;/b&gt;，所以这个准确率比它在新照片上的表现更好看。请用它没见过的图片评估（test/ 文件夹）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0}&lt;br&gt;&lt;b&gt;{1}&lt;/b&gt; right on %n picture(s).</source>
        <translation>
            <numerusform>{0}&lt;br&gt;%n 张图片中答对 &lt;b&gt;{1}&lt;/b&gt;。</numerusform>
        </translation>
    </message>
    <message>
        <source>Pictures in {0} ({1} could not be read).</source>
        <translation>{0} 中的图片（{1} 张无法读取）。</translation>
    </message>
    <message>
        <source>No mistakes at this threshold: every picture the model answered, it got right.</source>
        <translation>在这个阈值下没有错误：模型回答的每张图片都答对了。</translation>
    </message>
    <message>
        <source>No “not sure” answers at this threshold: the model answers every picture.</source>
        <translation>在这个阈值下没有“不确定”：模型回答了每张图片。</translation>
    </message>
    <message>
        <source>No picture gets a right answer at this threshold; the right answers the model was least sure of appear here.</source>
        <translation>在这个阈值下没有图片被答对；这里会列出模型答对但最没把握的图片。</translation>
    </message>
    <message>
        <source>To improve</source>
        <translation>如何改进</translation>
    </message>
    <message numerus="yes">
        <source>Held-out pictures during training, each judged by a model that had not seen it, before the top of the network was fine-tuned. The fine-tuned model was right {0} on the %n held-out pictures it was judged on.</source>
        <translation>
            <numerusform>训练时的检验图片：每张都由没见过它的模型判断，那是在网络顶部微调之前。微调后的模型在用来判断它的 %n 张检验图片上答对 {0}。</numerusform>
        </translation>
    </message>
    <message>
        <source>Pictures in {0}.</source>
        <translation>{0} 中的图片。</translation>
    </message>
    <message numerus="yes">
        <source>To improve (%n)</source>
        <translation>
            <numerusform>如何改进（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;To improve this model:&lt;/b&gt; nothing stands out; more varied photos of every class help most.</source>
        <translation>&lt;b&gt;如何改进这个模型：&lt;/b&gt;没有明显的问题；给每个类别添加更多样的照片最有帮助。</translation>
    </message>
    <message>
        <source>Add photos to “{0}”…</source>
        <translation>向“{0}”添加照片…</translation>
    </message>
    <message>
        <source>From camera…</source>
        <translation>用摄像头…</translation>
    </message>
    <message>
        <source>&lt;b&gt;To improve this model:&lt;/b&gt;</source>
        <translation>&lt;b&gt;如何改进这个模型：&lt;/b&gt;</translation>
    </message>
    <message>
        <source>is {0}
said {1} ({2}%)</source>
        <translation>实为 {0}
回答 {1}（{2}%）</translation>
    </message>
    <message>
        <source>is {0}
best guess {1} ({2}%)</source>
        <translation>实为 {0}
最可能是 {1}（{2}%）</translation>
    </message>
    <message>
        <source>{0} ({1}%)</source>
        <translation>{0}（{1}%）</translation>
    </message>
    <message>
        <source>Mistakes ({0})</source>
        <translation>错误（{0}）</translation>
    </message>
    <message>
        <source>Not sure ({0})</source>
        <translation>不确定（{0}）</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>对</translation>
    </message>
    <message>
        <source>Wrong</source>
        <translation>错</translation>
    </message>
    <message>
        <source>{0}: the picture is &lt;b&gt;{1}&lt;/b&gt;; the model said &lt;b&gt;{2}&lt;/b&gt;, {3}% sure.</source>
        <translation>{0}：图片实为 &lt;b&gt;{1}&lt;/b&gt;；模型回答 &lt;b&gt;{2}&lt;/b&gt;，把握 {3}%。</translation>
    </message>
    <message>
        <source>The model {0}: no picture gets an answer.</source>
        <translation>模型{0}：没有图片得到回答。</translation>
    </message>
    <message>
        <source>The model {0}: {1} of pictures get an answer, and {2} of those answers are right. The rest read “not sure”.</source>
        <translation>模型{0}：{1} 的图片得到回答，其中 {2} 答对。其余显示“不确定”。</translation>
    </message>
    <message>
        <source>(Not saved: the model file still says {0}%.)</source>
        <translation>（未保存：模型文件中仍是 {0}%。）</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export {0}</source>
        <translation>导出 {0}</translation>
    </message>
    <message>
        <source>a folder of photos like the ones it was trained on</source>
        <translation>一个放有与训练照片类似的照片的文件夹</translation>
    </message>
    <message>
        <source>Formats:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Into the folder:</source>
        <translation>导出到文件夹：</translation>
    </message>
    <message>
        <source>Checked on the photos in:</source>
        <translation>用这里的照片检查：</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Show in Folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <source>Each export is run next to the original on up to 32 of these photos and kept only if it gives the same answers. The folder is created if it does not exist; labels.txt (the class names, in output order) and README.md (code that runs each file, as the app does) are written beside the files.</source>
        <translation>每个导出文件都会在最多 32 张这些照片上与原模型并排运行，只有回答相同时才保留。文件夹不存在时会被创建；labels.txt（类别名称，按输出顺序）和 README.md（以本应用的方式运行每个文件的代码）会写在文件旁边。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose the folder to export into</source>
        <translation>选择导出到的文件夹</translation>
    </message>
    <message>
        <source>Choose some photos to check the export on</source>
        <translation>选择一些用来检查导出结果的照片</translation>
    </message>
    <message>
        <source>%v of %m formats</source>
        <translation>%v / %m 种格式</translation>
    </message>
    <message>
        <source>Stopped; nothing half-made was left. Finished before that, in {0}:</source>
        <translation>已停止；没有留下做了一半的文件。在此之前已完成的，位于 {0}：</translation>
    </message>
    <message>
        <source>Exported into {0}:</source>
        <translation>已导出到 {0}：</translation>
    </message>
    <message>
        <source>Stopping once the step under way is over…</source>
        <translation>当前这一步完成后就停止…</translation>
    </message>
    <message>
        <source>Not everything could be exported: {0}</source>
        <translation>并非全部都能导出：{0}</translation>
    </message>
    <message>
        <source>Finished before that, in {0}:</source>
        <translation>在此之前已完成的，位于 {0}：</translation>
    </message>
    <message>
        <source>{0}: {1} (same answer as the original on {2} of {3} photos)</source>
        <translation>{0}：{1}（{3} 张照片中 {2} 与原模型回答相同）</translation>
    </message>
    <message>
        <source>labels.txt: the class names, in output order</source>
        <translation>labels.txt：按输出顺序排列的类别名称</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>FolderSorter</name>
    <message>
        <source>Sort the photos into folders in…</source>
        <translation>把照片整理到这个文件夹中…</translation>
    </message>
    <message>
        <source>Sort into folders</source>
        <translation>整理到文件夹</translation>
    </message>
    <message numerus="yes">
        <source>Put %n photo(s) into one folder per class in {0}?</source>
        <translation>
            <numerusform>把 %n 张照片按类别整理到 {0} 中（每个类别一个文件夹）？</numerusform>
        </translation>
    </message>
    <message>
        <source>Copying leaves your photos where they are. Moving takes them out of their folders; Undo Sort puts them back.</source>
        <translation>复制会把你的照片留在原处。移动会把它们从原来的文件夹中取出；“撤销整理”可以放回去。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Move…</source>
        <translation>移动…</translation>
    </message>
    <message>
        <source>Move the photos?</source>
        <translation>移动照片？</translation>
    </message>
    <message numerus="yes">
        <source>Move %n photo(s) out of their folders into {0}?</source>
        <translation>
            <numerusform>把 %n 张照片从原来的文件夹移动到 {0}？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be read and stayed where they were.</source>
        <translation>
            <numerusform>%n 个文件无法读取，留在了原处。</numerusform>
        </translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Undo Sort</source>
        <translation>撤销整理</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) left as they are (listed in the sort&apos;s record).</source>
        <translation>
            <numerusform>%n 个文件保持不变（列在整理记录中）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <source>Show where the model looked (heatmap)</source>
        <translation>显示模型看了哪里（热力图）</translation>
    </message>
    <message>
        <source>Show in Folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Where the answer came from:</source>
        <translation>答案来自哪里：</translation>
    </message>
    <message>
        <source>not at all</source>
        <translation>完全不是</translation>
    </message>
    <message>
        <source>most</source>
        <translation>最多</translation>
    </message>
    <message>
        <source>Working out where the model looked…</source>
        <translation>正在计算模型看了哪里…</translation>
    </message>
</context>
<context>
    <name>LiveDialog</name>
    <message>
        <source>Live answers</source>
        <translation>实时回答</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>快照</translation>
    </message>
    <message>
        <source>Keep this picture as a photo in the Predict tab&apos;s table</source>
        <translation>把这个画面作为照片保存到“预测”标签页的表格中</translation>
    </message>
    <message>
        <source>Camera:</source>
        <translation>摄像头：</translation>
    </message>
    <message>
        <source>camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <source>Open or train a model to see its answers here.</source>
        <translation>打开或训练一个模型，就能在这里看到它的回答。</translation>
    </message>
    <message>
        <source>The snapshot could not be saved in {0}.</source>
        <translation>无法把快照保存到 {0}。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>1  Dataset</source>
        <translation>1  数据集</translation>
    </message>
    <message>
        <source>2  Train</source>
        <translation>2  训练</translation>
    </message>
    <message>
        <source>3  Predict</source>
        <translation>3  识别</translation>
    </message>
    <message>
        <source>4  Evaluate</source>
        <translation>4  评估</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Models…</source>
        <translation>模型库(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About FineTune Studio</source>
        <translation>关于 FineTune Studio(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>Getting the picture engine ready (a few seconds; you can start choosing photos)…</source>
        <translation>正在准备识图引擎（几秒钟；可以先开始选照片）…</translation>
    </message>
    <message>
        <source>Show Models &amp;Folder</source>
        <translation>显示模型文件夹(&amp;F)</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>就绪。</translation>
    </message>
    <message>
        <source>Loaded {0}.</source>
        <translation>已加载 {0}。</translation>
    </message>
    <message>
        <source>Open the photos this model learnt from (Dataset tab) to add photos to “{0}”.</source>
        <translation>请先（在“数据集”标签页）打开这个模型学习过的照片，才能向“{0}”添加照片。</translation>
    </message>
    <message>
        <source>Using the model {0}.</source>
        <translation>正在使用模型 {0}。</translation>
    </message>
    <message>
        <source>&amp;Dataset</source>
        <translation>数据集(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Check Labels…</source>
        <translation>检查标注(&amp;C)…</translation>
    </message>
    <message>
        <source>Photos whose class the model in use doubts most</source>
        <translation>正在使用的模型最怀疑其类别的照片</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Takes effect at the next start</source>
        <translation>下次启动时生效</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>The new language is used from the next start of FineTune Studio.</source>
        <translation>下次启动 FineTune Studio 时使用新的语言。</translation>
    </message>
    <message>
        <source>TensorFlow is still loading; whether a GPU is used shows here once it has loaded.</source>
        <translation>TensorFlow 还在加载；加载完成后，这里会显示是否使用 GPU。</translation>
    </message>
    <message>
        <source>TensorFlow {0}, Qt {1}, Python {2}.</source>
        <translation>TensorFlow {0}，Qt {1}，Python {2}。</translation>
    </message>
    <message>
        <source>About FineTune Studio</source>
        <translation>关于 FineTune Studio</translation>
    </message>
    <message>
        <source>&lt;h2&gt;FineTune Studio {0}&lt;/h2&gt;&lt;p&gt;Teach a computer to tell your own kinds of pictures apart, offline.&lt;/p&gt;&lt;p&gt;{1}&lt;/p&gt;&lt;p&gt;{2}&lt;/p&gt;&lt;p&gt;The bundled network is MobileNetV2 with ImageNet weights from Keras Applications (Apache License 2.0).&lt;/p&gt;</source>
        <translation>&lt;h2&gt;FineTune Studio {0}&lt;/h2&gt;&lt;p&gt;离线教电脑分辨你自己的各类图片。&lt;/p&gt;&lt;p&gt;{1}&lt;/p&gt;&lt;p&gt;{2}&lt;/p&gt;&lt;p&gt;内置的网络是 MobileNetV2，使用 Keras Applications 的 ImageNet 权重（Apache License 2.0）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Training is still running. Stop it and quit?</source>
        <translation>训练仍在进行。停止训练并退出吗？</translation>
    </message>
    <message>
        <source>Stopping training…</source>
        <translation>正在停止训练…</translation>
    </message>
</context>
<context>
    <name>ModelLibraryDialog</name>
    <message>
        <source>Models</source>
        <translation>模型库</translation>
    </message>
    <message>
        <source>Models you train are kept in &lt;a href=&quot;{0}&quot;&gt;{1}&lt;/a&gt;; models you open from elsewhere are listed too.</source>
        <translation>你训练的模型保存在 &lt;a href=&quot;{0}&quot;&gt;{1}&lt;/a&gt;；从别处打开的模型也会列出。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Knows</source>
        <translation>认识</translation>
    </message>
    <message>
        <source>Right on held-out pictures</source>
        <translation>检验图片答对</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Trained</source>
        <translation>训练时间</translation>
    </message>
    <message>
        <source>Photos from</source>
        <translation>照片来源</translation>
    </message>
    <message>
        <source>No models yet: train one in the Train tab, or open a model file.</source>
        <translation>还没有模型：在“训练”页训练一个，或打开一个模型文件。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Show in Folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <source>Open a Model File…</source>
        <translation>打开模型文件…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>cannot be opened</source>
        <translation>无法打开</translation>
    </message>
    <message>
        <source>  (in use)</source>
        <translation>  （正在使用）</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>未衡量</translation>
    </message>
    <message>
        <source>The model in use cannot be deleted; open another one first</source>
        <translation>不能删除正在使用的模型；请先打开另一个</translation>
    </message>
    <message>
        <source>Open a model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <source>Keras model (*.keras)</source>
        <translation>Keras 模型 (*.keras)</translation>
    </message>
    <message>
        <source>Rename the model</source>
        <translation>重命名模型</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <source>Delete the model</source>
        <translation>删除模型</translation>
    </message>
    <message>
        <source>Move “{0}” and its training report to the trash?</source>
        <translation>把“{0}”及其训练报告移到回收站吗？</translation>
    </message>
    <message>
        <source>This system has no trash for {0}. Delete it for good?</source>
        <translation>这个系统没有适用于 {0} 的回收站。要永久删除吗？</translation>
    </message>
</context>
<context>
    <name>PredictTab</name>
    <message>
        <source>No model yet: train one, or open a saved model.</source>
        <translation>还没有模型：训练一个，或打开已保存的模型。</translation>
    </message>
    <message>
        <source>Choose Model…</source>
        <translation>选择模型…</translation>
    </message>
    <message>
        <source>Add Photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Why?…</source>
        <translation>为什么？…</translation>
    </message>
    <message>
        <source>Show the selected photo large, with where the model looked</source>
        <translation>放大显示选中的照片，并显示模型看了哪里</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Opening {0}…</source>
        <translation>正在打开 {0}…</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) will be looked at again by {0}.</source>
        <translation>
            <numerusform>%n 张照片将由 {0} 重新识别。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Looking at %n item(s)…</source>
        <translation>
            <numerusform>正在查看 %n 项…</numerusform>
        </translation>
    </message>
    <message>
        <source>right on {0} of the pictures it was tested on while training</source>
        <translation>训练时在检验图片上答对 {0}</translation>
    </message>
    <message>
        <source>Sort into Folders…</source>
        <translation>整理到文件夹…</translation>
    </message>
    <message>
        <source>Put these photos into one folder per class, by the answers (copied, or moved if you choose; it can be undone)</source>
        <translation>按回答把这些照片放进每个类别一个的文件夹（复制；你也可以选择移动；可以撤销）</translation>
    </message>
    <message>
        <source>Live Camera…</source>
        <translation>实时摄像头…</translation>
    </message>
    <message>
        <source>Point a camera at things and see the model&apos;s answers live</source>
        <translation>把摄像头对准物体，实时查看模型的回答</translation>
    </message>
    <message>
        <source>This Is…</source>
        <translation>这是…</translation>
    </message>
    <message>
        <source>Add the selected photos to the open project under their right class, so the next training learns from them</source>
        <translation>把选中的照片以正确的类别添加到打开的项目中，下次训练就会从中学习</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>未衡量</translation>
    </message>
    <message numerus="yes">
        <source>right on {0} of the %n pictures it was tested on while training</source>
        <translation>
            <numerusform>训练时在 %n 张检验图片上答对 {0}</numerusform>
        </translation>
    </message>
    <message>
        <source>Model: &lt;b&gt;{0}&lt;/b&gt; — knows {1}; {2}; {3}.</source>
        <translation>模型：&lt;b&gt;{0}&lt;/b&gt; — 认识 {1}；{2}；{3}。</translation>
    </message>
    <message>
        <source>Could not open the model. Choose another one.</source>
        <translation>无法打开模型。请选择另一个。</translation>
    </message>
    <message>
        <source>Drop photos or folders here to see what the model says.</source>
        <translation>把照片或文件夹拖到这里，看看模型怎么说。</translation>
    </message>
    <message>
        <source>Train or open a model first; your photos will then be checked.</source>
        <translation>请先训练或打开一个模型；之后会识别你的照片。</translation>
    </message>
    <message>
        <source>%v of %m photos</source>
        <translation>%v / %m 张照片</translation>
    </message>
    <message>
        <source>Open a dataset or project first</source>
        <translation>请先打开数据集或项目</translation>
    </message>
    <message numerus="yes">
        <source>Adding %n photo(s) to “{0}”…</source>
        <translation>
            <numerusform>正在向“{0}”添加 %n 张照片…</numerusform>
        </translation>
    </message>
    <message>
        <source>Photos are still being added to the project; try again in a moment.</source>
        <translation>仍在向项目添加照片，请稍后再试。</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) added to the project (Dataset ▸ Undo takes them back). Train again to use them.</source>
        <translation>
            <numerusform>已向项目添加 %n 张照片（数据集 ▸ 撤销可以收回）。再次训练即可用上它们。</numerusform>
        </translation>
    </message>
    <message>
        <source>No photo was added.</source>
        <translation>没有添加任何照片。</translation>
    </message>
    <message>
        <source>The model says &lt;b&gt;{0}&lt;/b&gt;, {1}% sure.</source>
        <translation>模型回答 &lt;b&gt;{0}&lt;/b&gt;，把握 {1}%。</translation>
    </message>
    <message>
        <source>The model is {0}.</source>
        <translation>模型：{0}。</translation>
    </message>
    <message>
        <source>This file cannot be read: {0}</source>
        <translation>无法读取这个文件：{0}</translation>
    </message>
    <message>
        <source>Choose photos</source>
        <translation>选择照片</translation>
    </message>
    <message>
        <source>Images ({0})</source>
        <translation>图片 ({0})</translation>
    </message>
    <message>
        <source>Export results</source>
        <translation>导出结果</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Saved the {0} answers to {1}.</source>
        <translation>已把 {0} 条结果保存到 {1}。</translation>
    </message>
</context>
<context>
    <name>PredictionTableModel</name>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>How sure</source>
        <translation>把握</translation>
    </message>
    <message>
        <source>cannot read</source>
        <translation>无法读取</translation>
    </message>
</context>
<context>
    <name>ProjectSession</name>
    <message>
        <source>New class “{0}”</source>
        <translation>新建类别“{0}”</translation>
    </message>
    <message>
        <source>Rename “{0}” to “{1}”</source>
        <translation>把“{0}”重命名为“{1}”</translation>
    </message>
    <message>
        <source>Delete “{0}”</source>
        <translation>删除“{0}”</translation>
    </message>
    <message numerus="yes">
        <source>Move %n photo(s) to “{0}”</source>
        <translation>
            <numerusform>将 %n 张照片移到“{0}”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Leave out %n photo(s)</source>
        <translation>
            <numerusform>不使用 %n 张照片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Take back %n photo(s)</source>
        <translation>
            <numerusform>重新使用 %n 张照片</numerusform>
        </translation>
    </message>
    <message>
        <source>Add photos to “{0}”</source>
        <translation>向“{0}”添加照片</translation>
    </message>
</context>
<context>
    <name>QtCamera</name>
    <message>
        <source>FineTune Studio may not use the camera. Allow it in the system settings (on a Mac: System Settings ▸ Privacy &amp; Security ▸ Camera).</source>
        <translation>FineTune Studio 没有使用摄像头的权限。请在系统设置中允许（Mac 上：系统设置 ▸ 隐私与安全性 ▸ 摄像头）。</translation>
    </message>
    <message>
        <source>The camera stopped working. If another program is using it, close that program and try again.</source>
        <translation>摄像头停止工作了。如果有其他程序正在使用它，请关闭那个程序后重试。</translation>
    </message>
    <message>
        <source>The camera was unplugged.</source>
        <translation>摄像头已被拔出。</translation>
    </message>
</context>
<context>
    <name>SkippedList</name>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n file(s) could not be used:&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;%n 个文件无法使用：&lt;/b&gt;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>System</name>
    <message>
        <source>Nothing on this computer could open it; it is here:
{0}</source>
        <translation>这台电脑上没有程序能打开它；它在这里：
{0}</translation>
    </message>
</context>
<context>
    <name>TrainingTab</name>
    <message>
        <source>Automatic (when it can help)</source>
        <translation>自动（在有帮助时）</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Top 20 layers</source>
        <translation>顶部 20 层</translation>
    </message>
    <message>
        <source>Top 40 layers</source>
        <translation>顶部 40 层</translation>
    </message>
    <message>
        <source>Vary the pictures while fine-tuning (crops, mirror, lighting)</source>
        <translation>微调时变换图片（裁剪、镜像、光照）</translation>
    </message>
    <message>
        <source>Advanced settings</source>
        <translation>高级设置</translation>
    </message>
    <message>
        <source>Epochs: how many times the new output layer goes through all the pictures. It is cheap; the best round is kept.</source>
        <translation>学习轮数（epochs）：新的输出层把所有图片过几遍。这一步很快；会保留最好的一轮。</translation>
    </message>
    <message>
        <source>Learning rate: how big a step the new output layer takes each time.</source>
        <translation>步长（学习率）：新的输出层每次调整的幅度。</translation>
    </message>
    <message>
        <source>Fine-tuning: the top layers of the pretrained network learn from your pictures too. Slower; kept only if it is better on held-out pictures.</source>
        <translation>微调：预训练网络的顶部几层也从你的图片中学习。较慢；只有在检验图片上更好时才保留。</translation>
    </message>
    <message>
        <source>Learning rounds:</source>
        <translation>学习轮数：</translation>
    </message>
    <message>
        <source>Step size:</source>
        <translation>步长：</translation>
    </message>
    <message>
        <source>Picture size:</source>
        <translation>图片尺寸：</translation>
    </message>
    <message>
        <source>Also adjust the network:</source>
        <translation>同时调整网络：</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Choose a folder in the Dataset tab first.</source>
        <translation>请先在“数据集”页选择一个文件夹。</translation>
    </message>
    <message>
        <source>The name the model gets in the model library (you can rename it later)</source>
        <translation>模型在模型库中的名称（以后可以重命名）</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>恢复默认设置</translation>
    </message>
    <message>
        <source>The settings most photo sets do best with</source>
        <translation>大多数照片集效果最好的设置</translation>
    </message>
    <message>
        <source>Use the New Model</source>
        <translation>使用新模型</translation>
    </message>
    <message>
        <source>Network:</source>
        <translation>网络：</translation>
    </message>
    <message>
        <source>Model name:</source>
        <translation>模型名称：</translation>
    </message>
    <message>
        <source>Best for my photos (recommended) — compares {0} on your photos first</source>
        <translation>最适合我的照片（推荐）——先在你的照片上比较 {0}</translation>
    </message>
    <message>
        <source>{0} — {1} — not installed</source>
        <translation>{0} — {1} — 未安装</translation>
    </message>
    <message>
        <source>{0} — {1}</source>
        <translation>{0} — {1}</translation>
    </message>
    <message>
        <source>Each network&apos;s own</source>
        <translation>每个网络自己的尺寸</translation>
    </message>
    <message>
        <source>{0} × {0} (recommended)</source>
        <translation>{0} × {0}（推荐）</translation>
    </message>
    <message>
        <source>{0} × {0}</source>
        <translation>{0} × {0}</translation>
    </message>
    <message>
        <source>Ready to train on {0} classes: {1}.</source>
        <translation>可以用 {0} 个类别训练：{1}。</translation>
    </message>
    <message>
        <source>Training needs at least two classes with pictures: add them in the Dataset tab.</source>
        <translation>训练至少需要两个有图片的类别：请在“数据集”页添加。</translation>
    </message>
    <message numerus="yes">
        <source>The model in use, &lt;b&gt;{0}&lt;/b&gt;, learnt from these pictures on {1}. On %n pictures it had not seen, it was right &lt;b&gt;{2}&lt;/b&gt; of the time.</source>
        <translation>
            <numerusform>正在使用的模型 &lt;b&gt;{0}&lt;/b&gt; 于 {1} 从这些图片学习。在 %n 张没见过的图片上，答对 &lt;b&gt;{2}&lt;/b&gt;。</numerusform>
        </translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>{0}…</source>
        <translation>{0}…</translation>
    </message>
    <message>
        <source>{0}: %v of %m</source>
        <translation>{0}：%v / %m</translation>
    </message>
    <message>
        <source>Trained. There were too few pictures to measure accuracy.</source>
        <translation>训练完成。图片太少，无法衡量准确率。</translation>
    </message>
    <message>
        <source>Saved as {0}.</source>
        <translation>已保存为 {0}。</translation>
    </message>
    <message>
        <source>&lt;a href=&quot;{0}&quot;&gt;Open the training report&lt;/a&gt;; the Evaluate tab shows its mistakes.</source>
        <translation>&lt;a href=&quot;{0}&quot;&gt;打开训练报告&lt;/a&gt;；“评估”页会显示它的错误。</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <source>Keep “{0}”</source>
        <translation>保留“{0}”</translation>
    </message>
    <message>
        <source>Done. The new model is in the model library (Model ▸ Models…).</source>
        <translation>完成。新模型已在模型库中（模型 ▸ 模型库…）。</translation>
    </message>
    <message>
        <source>Training failed.</source>
        <translation>训练失败。</translation>
    </message>
    <message>
        <source>Advanced settings (changed from the defaults)</source>
        <translation>高级设置（已改动，不是默认值）</translation>
    </message>
    <message>
        <source>Stopped. Nothing was saved; earlier models are unchanged.</source>
        <translation>已停止。没有保存任何内容；之前的模型没有改变。</translation>
    </message>
    <message numerus="yes">
        <source>Trained. On %n pictures it had not seen, it was right &lt;b&gt;{0}&lt;/b&gt; of the time ({1:.0f} seconds).</source>
        <translation>
            <numerusform>训练完成。在 %n 张没见过的图片上，答对 &lt;b&gt;{0}&lt;/b&gt;（用时 {1:.0f} 秒）。</numerusform>
        </translation>
    </message>
    <message>
        <source>The new model &lt;b&gt;{0}&lt;/b&gt; is ready. {1} The Predict and Evaluate tabs keep using &lt;b&gt;{2}&lt;/b&gt; until you choose.</source>
        <translation>新模型 &lt;b&gt;{0}&lt;/b&gt; 已训练好。{1}在你选择之前，“识别”和“评估”页继续使用 &lt;b&gt;{2}&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>Save the model as</source>
        <translation>模型另存为</translation>
    </message>
    <message>
        <source>Keras model (*.keras)</source>
        <translation>Keras 模型 (*.keras)</translation>
    </message>
</context>
</TS>
